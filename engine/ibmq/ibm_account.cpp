// SPDX-License-Identifier: MIT
// CRN parsing, regional URLs and account resolution from the Qiskit account file, environment and overrides.
#include "ibmq/ibm_account.h"

#include "core/error.h"
#include "io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <vector>

namespace engine {

namespace {

constexpr const char* ENV_TOKEN = "QISKIT_IBM_TOKEN";
constexpr const char* ENV_INSTANCE = "QISKIT_IBM_INSTANCE";
constexpr const char* ENV_API_URL = "QAOA_IBM_URL";
constexpr const char* ENV_IAM_URL = "QAOA_IAM_URL";

std::vector<std::string> splitColons(const std::string& text)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (parts.size() < 64) {
        const std::size_t colon = text.find(':', start);
        parts.push_back(text.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
        if (colon == std::string::npos)
            break;
        start = colon + 1;
    }
    return parts;
}

std::string env(const IbmAccountSources& sources, const char* name)
{
    const auto it = sources.environment.find(name);
    return it == sources.environment.end() ? std::string() : it->second;
}

bool usableChannel(const nlohmann::json& entry)
{
    const auto it = entry.find("channel");
    if (it == entry.end() || !it->is_string())
        return false;
    const auto channel = it->get<std::string>();
    return channel == "ibm_quantum_platform" || channel == "ibm_cloud";
}

std::string stringField(const nlohmann::json& entry, const char* key, const std::string& where)
{
    const auto it = entry.find(key);
    if (it == entry.end() || it->is_null())
        return {};
    if (!it->is_string())
        throw Error(ErrorCode::InvalidInput, std::string("\"") + key + "\" must be a string",
                    where + std::string("/") + key);
    return it->get<std::string>();
}

bool boolField(const nlohmann::json& entry, const char* key)
{
    const auto it = entry.find(key);
    return it != entry.end() && it->is_boolean() && it->get<bool>();
}

/// IAM endpoint for the account file's "url" (the IBM Cloud URL qiskit stores, e.g. https://cloud.ibm.com).
std::string iamFromCloudUrl(const std::string& url, bool privateEndpoint, const std::string& where)
{
    std::string host = url;
    for (const char* scheme : {"https://", "http://"})
        if (host.rfind(scheme, 0) == 0)
            host = host.substr(std::char_traits<char>::length(scheme));
    while (!host.empty() && host.back() == '/')
        host.pop_back();
    if (host == "cloud.ibm.com" || host == "test.cloud.ibm.com")
        return std::string("https://") + (privateEndpoint ? "private." : "") + std::string("iam.") + host +
               "/identity/token";
    throw Error(ErrorCode::InvalidInput,
                std::string("unsupported \"url\" ") + url +
                    " (expected the IBM Cloud URL https://cloud.ibm.com; set an explicit "
                    "IAM URL with --iam-url or QAOA_IAM_URL)",
                where + "/url");
}

struct FileAccount {
    std::string name;
    std::string token;
    std::string instance;
    std::string url;
    bool privateEndpoint = false;
    std::string where;
};

FileAccount readEntry(const std::string& name, const nlohmann::json& entry, const std::string& fileWhere)
{
    const std::string where = fileWhere + std::string(":/") + name;
    if (!entry.is_object())
        throw Error(ErrorCode::InvalidInput, "an account entry must be an object", where);
    FileAccount account;
    account.name = name;
    account.where = where;
    account.token = stringField(entry, "token", where);
    account.instance = stringField(entry, "instance", where);
    account.url = stringField(entry, "url", where);
    account.privateEndpoint = boolField(entry, "private_endpoint");
    if (account.token.empty())
        throw Error(ErrorCode::InvalidInput, "the account has no \"token\"", where + "/token");
    return account;
}

} // namespace

InstanceCrn parseInstanceCrn(const std::string& crn, const std::string& where)
{
    const std::string expected =
        "expected crn:v1:bluemix:public:quantum-computing:<region>:a/<account id>:<instance id>::";
    if (crn.empty())
        throw Error(ErrorCode::InvalidInput, std::string("the instance CRN is empty (") + expected + ")", where);
    if (crn.size() > 512)
        throw Error(ErrorCode::InvalidInput, "the instance CRN is too long", where);
    const std::vector<std::string> f = splitColons(crn);
    if (f.size() != 10)
        throw Error(ErrorCode::InvalidInput,
                    std::string("the instance CRN has ") + std::to_string(f.size()) +
                        std::string(" colon-separated fields, not 10 (") + expected + ")",
                    where);
    if (f[0] != "crn" || f[1] != "v1")
        throw Error(ErrorCode::InvalidInput,
                    std::string("the instance CRN must start with \"crn:v1:\" (") + expected + ")", where);
    if (f[4] != "quantum-computing")
        throw Error(ErrorCode::InvalidInput,
                    std::string("field 5 of the instance CRN is \"") + f[4] + "\", not \"quantum-computing\"", where);
    const std::string& region = f[5];
    if (region.empty() || region.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
        throw Error(ErrorCode::InvalidInput,
                    std::string("field 6 of the instance CRN (the region) is \"") + region +
                        "\", expected e.g. us-east or eu-de",
                    where);
    if (f[6].rfind("a/", 0) != 0 || f[6].size() < 3)
        throw Error(ErrorCode::InvalidInput,
                    std::string("field 7 of the instance CRN must be \"a/<account id>\", found \"") + f[6] + "\"",
                    where);
    if (f[7].empty())
        throw Error(ErrorCode::InvalidInput, "field 8 of the instance CRN (the instance id) is empty", where);
    return InstanceCrn{region, f[6].substr(2), f[7]};
}

std::string defaultApiUrl(const std::string& region, bool privateEndpoint)
{
    std::string host = "quantum.cloud.ibm.com";
    if (privateEndpoint)
        host = std::string("private.") + region + std::string(".") + host;
    else if (region != "us-east")
        host = region + std::string(".") + host;
    return std::string("https://") + host + "/api/v1";
}

std::string IbmAccount::region() const
{
    return parseInstanceCrn(instanceCrn).region;
}

std::string IbmAccount::maskedKey() const
{
    // Short keys would reveal most of themselves through 8 visible characters.
    if (apiKey.size() < 12)
        return "\xE2\x80\xA6";
    return apiKey.substr(0, 4) + std::string("\xE2\x80\xA6") + apiKey.substr(apiKey.size() - 4);
}

IbmAccount loadIbmAccount(const IbmAccountSources& sources)
{
    namespace fs = std::filesystem;
    std::string filePath = sources.accountFile;
    if (filePath.empty() && !sources.homeDirectory.empty())
        filePath = (fs::path(sources.homeDirectory) / ".qiskit" / "qiskit-ibm.json").string();

    std::error_code ec;
    const bool fileExists = !filePath.empty() && fs::exists(filePath, ec);
    nlohmann::json file;
    if (fileExists) {
        const std::string text = readWholeFile(filePath, IBM_ACCOUNT_FILE_MAX_BYTES);
        file = nlohmann::json::parse(text, nullptr, false);
        if (file.is_discarded())
            throw Error(ErrorCode::InvalidInput, "the account file is not valid JSON", filePath);
        if (!file.is_object())
            throw Error(ErrorCode::InvalidInput, "the account file must hold a JSON object of named accounts",
                        filePath);
    }

    const std::string envToken = env(sources, ENV_TOKEN);
    const std::string envInstance = env(sources, ENV_INSTANCE);

    IbmAccount account;
    std::string cloudUrl;
    bool privateEndpoint = false;
    std::string crnWhere;

    if (!sources.accountName.empty()) {
        if (!fileExists)
            throw Error(ErrorCode::InvalidArgument,
                        std::string("no account file, so the account \"") + sources.accountName + "\" cannot be loaded",
                        filePath.empty() ? std::string("account file") : filePath);
        const auto it = file.find(sources.accountName);
        if (it == file.end())
            throw Error(ErrorCode::InvalidArgument,
                        std::string("the account file has no account \"") + sources.accountName + "\"", filePath);
        if (!it->is_object() || !usableChannel(*it))
            throw Error(ErrorCode::InvalidInput,
                        "the account's channel is not \"ibm_quantum_platform\" or \"ibm_cloud\" (the retired "
                        "\"ibm_quantum\" channel is not supported)",
                        filePath + std::string(":/") + sources.accountName + "/channel");
        const FileAccount entry = readEntry(sources.accountName, *it, filePath);
        account.apiKey = entry.token;
        account.instanceCrn = entry.instance.empty() ? envInstance : entry.instance;
        account.name = entry.name;
        cloudUrl = entry.url;
        privateEndpoint = entry.privateEndpoint;
        crnWhere = entry.instance.empty() ? std::string(ENV_INSTANCE) : entry.where + "/instance";
    } else if (!envToken.empty()) {
        if (envInstance.empty())
            throw Error(ErrorCode::InvalidArgument,
                        std::string(ENV_TOKEN) + std::string(" is set but ") + ENV_INSTANCE +
                            " (the instance CRN) is not",
                        ENV_INSTANCE);
        account.apiKey = envToken;
        account.instanceCrn = envInstance;
        account.name = "environment";
        crnWhere = ENV_INSTANCE;
    } else {
        if (!fileExists)
            throw Error(ErrorCode::InvalidArgument,
                        std::string("no IBM Quantum account: set ") + ENV_TOKEN + std::string(" and ") + ENV_INSTANCE +
                            std::string(", or save one with Qiskit (looked for ") +
                            (filePath.empty() ? std::string("an account file") : filePath) + ")",
                        filePath.empty() ? std::string("account file") : filePath);
        std::vector<std::string> usable;
        std::string chosen;
        for (const auto& [name, entry] : file.items()) {
            if (!entry.is_object() || !usableChannel(entry))
                continue;
            usable.push_back(name);
            if (chosen.empty() && boolField(entry, "is_default_account"))
                chosen = name;
        }
        for (const char* fallback : {"default-ibm-quantum-platform", "default-ibm-cloud"})
            if (chosen.empty() && std::find(usable.begin(), usable.end(), fallback) != usable.end())
                chosen = fallback;
        if (chosen.empty() && usable.size() == 1)
            chosen = usable.front();
        if (chosen.empty()) {
            std::string names;
            for (const auto& n : usable) {
                if (!names.empty())
                    names += ", ";
                names += n;
            }
            throw Error(ErrorCode::InvalidArgument,
                        usable.empty()
                            ? std::string("the account file has no \"ibm_quantum_platform\" or "
                                          "\"ibm_cloud\" account")
                            : std::string("the account file has several accounts and none is the default; name one (") +
                                  names + ")",
                        filePath);
        }
        const FileAccount entry = readEntry(chosen, file[chosen], filePath);
        account.apiKey = entry.token;
        account.instanceCrn = entry.instance.empty() ? envInstance : entry.instance;
        account.name = entry.name;
        cloudUrl = entry.url;
        privateEndpoint = entry.privateEndpoint;
        crnWhere = entry.instance.empty() ? std::string(ENV_INSTANCE) : entry.where + "/instance";
    }

    if (account.instanceCrn.empty())
        throw Error(ErrorCode::InvalidArgument,
                    std::string("the account \"") + account.name +
                        std::string("\" has no instance CRN; add \"instance\" or set ") + ENV_INSTANCE,
                    crnWhere);
    const InstanceCrn crn = parseInstanceCrn(account.instanceCrn, crnWhere);

    if (!sources.apiUrl.empty())
        account.apiUrl = sources.apiUrl;
    else if (const std::string v = env(sources, ENV_API_URL); !v.empty())
        account.apiUrl = v;
    else
        account.apiUrl = defaultApiUrl(crn.region, privateEndpoint);
    while (account.apiUrl.size() > 1 && account.apiUrl.back() == '/')
        account.apiUrl.pop_back();

    if (!sources.iamUrl.empty())
        account.iamUrl = sources.iamUrl;
    else if (const std::string v = env(sources, ENV_IAM_URL); !v.empty())
        account.iamUrl = v;
    else if (!cloudUrl.empty())
        account.iamUrl = iamFromCloudUrl(cloudUrl, privateEndpoint, filePath + std::string(":/") + account.name);
    else
        account.iamUrl = privateEndpoint ? "https://private.iam.cloud.ibm.com/identity/token" : IBM_DEFAULT_IAM_URL;
    return account;
}

IbmAccount loadIbmAccount(const std::string& accountName, const std::string& apiUrl, const std::string& iamUrl)
{
    IbmAccountSources sources;
    for (const char* name : {ENV_TOKEN, ENV_INSTANCE, ENV_API_URL, ENV_IAM_URL})
        if (const char* value = std::getenv(name))
            sources.environment[name] = value;
#ifdef _WIN32
    if (const char* home = std::getenv("USERPROFILE"))
        sources.homeDirectory = home;
#else
    if (const char* home = std::getenv("HOME"))
        sources.homeDirectory = home;
#endif
    sources.accountName = accountName;
    sources.apiUrl = apiUrl;
    sources.iamUrl = iamUrl;
    return loadIbmAccount(sources);
}

} // namespace engine
