// SPDX-License-Identifier: MIT
// Tests of the shared CBC plumbing: one process-wide solve lock, and a model pointer that owns its model.
#include "solvers/cbc_support.h"

#include <QtTest>

#include <thread>

using namespace engine;

class TstCbcSupport : public QObject {
    Q_OBJECT

private slots:
    void oneLockForTheProcess()
    {
        std::mutex* mine = &detail::cbcMutex();
        std::mutex* other = nullptr;
        std::thread thread([&] { other = &detail::cbcMutex(); });
        thread.join();
        QCOMPARE(other, mine);
        // Held here, it cannot be taken elsewhere: the solves of both exact solvers serialise on it.
        std::lock_guard<std::mutex> lock(*mine);
        bool taken = true;
        std::thread probe([&] {
            taken = mine->try_lock();
            if (taken)
                mine->unlock();
        });
        probe.join();
        QVERIFY(!taken);
    }

    void modelPointerOwnsAUsableModel()
    {
        detail::CbcModelPtr model(Cbc_newModel());
        QVERIFY(model);
        Cbc_addCol(model.get(), "x", 0.0, 1.0, -1.0, 1, 0, nullptr, nullptr);
        QCOMPARE(Cbc_getNumCols(model.get()), 1);
        model.reset();  // Cbc_deleteModel through the deleter
        QVERIFY(!model);
    }
};

QTEST_APPLESS_MAIN(TstCbcSupport)
#include "cbc_support.test.moc"
