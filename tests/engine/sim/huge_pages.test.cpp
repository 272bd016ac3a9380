// SPDX-License-Identifier: MIT
// Tests of the huge-page helpers: resizing keeps contents and zero-fills, advice never fails visibly.
#include "sim/huge_pages.h"

#include <QtTest>

#include "test_support.h"

#include <cstdint>
#include <vector>

using engine::detail::adviseHugePages;
using engine::detail::HUGE_PAGE_BYTES;
using engine::detail::resizeWithHugePages;

class TstHugePages : public QObject {
    Q_OBJECT

private slots:
    void resizeKeepsContentsAndZeroFills();
    void smallResizeIsPlain();
    void adviceOnOddRangesIsHarmless();
};

void TstHugePages::resizeKeepsContentsAndZeroFills()
{
    std::vector<std::uint64_t> v{7, 8, 9};
    const std::size_t n = 3 * HUGE_PAGE_BYTES / sizeof(std::uint64_t);
    resizeWithHugePages(v, n);
    QCOMPARE(v.size(), n);
    QCOMPARE(v[0], std::uint64_t{7});
    QCOMPARE(v[2], std::uint64_t{9});
    for (std::size_t i = 3; i < n; i += 4099)
        QCOMPARE(v[i], std::uint64_t{0});
    QCOMPARE(v.back(), std::uint64_t{0});
    // Shrinking and growing within capacity behave like resize.
    resizeWithHugePages(v, 2);
    QCOMPARE(v.size(), std::size_t{2});
    resizeWithHugePages(v, 5);
    QCOMPARE(v[4], std::uint64_t{0});
}

void TstHugePages::smallResizeIsPlain()
{
    std::vector<double> v(2, 1.5);
    resizeWithHugePages(v, 10);
    QCOMPARE(v.size(), std::size_t{10});
    QCOMPARE(v[1], 1.5);
    QCOMPARE(v[9], 0.0);
}

void TstHugePages::adviceOnOddRangesIsHarmless()
{
    adviseHugePages(nullptr, 1 << 30);
    std::vector<char> small(100);
    adviseHugePages(small.data(), small.size());
    std::vector<char> big(3 * HUGE_PAGE_BYTES + 123, 'x');
    adviseHugePages(big.data() + 1, big.size() - 1);  // advice on memory already in use must not change it
    QCOMPARE(big[HUGE_PAGE_BYTES + 5], 'x');
}

QTEST_APPLESS_MAIN(TstHugePages)
#include "huge_pages.test.moc"
