// SPDX-License-Identifier: MIT
// IBM Quantum Platform credentials: the instance CRN, its region and URLs, and loading them the way Qiskit does.
#pragma once

#include <map>
#include <string>

namespace engine {

/// IAM token endpoint of IBM Cloud (public network).
constexpr const char* IBM_DEFAULT_IAM_URL = "https://iam.cloud.ibm.com/identity/token";

/// The parts of an instance CRN "crn:v1:bluemix:public:quantum-computing:<region>:a/<account>:<instance>::".
struct InstanceCrn {
    std::string region;     ///< field 6: "us-east" or "eu-de"
    std::string accountId;  ///< field 7 without its "a/" prefix
    std::string instanceId; ///< field 8
};

/// Parses and checks an instance CRN: 10 colon-separated fields, "crn", "v1", service "quantum-computing", a
/// non-empty region made of [a-z0-9-], "a/<account>" and a non-empty instance id. Throws Error(InvalidInput,
/// naming the bad field, where = `where`). Unknown regions are accepted (IBM may add some).
InstanceCrn parseInstanceCrn(const std::string& crn, const std::string& where = "instance");

/// The Quantum API base URL of `region`: "https://quantum.cloud.ibm.com/api/v1" for us-east,
/// "https://<region>.quantum.cloud.ibm.com/api/v1" otherwise; with `privateEndpoint` the host gets a
/// "private.<region>." prefix.
std::string defaultApiUrl(const std::string& region, bool privateEndpoint = false);

/// Credentials and endpoints for one IBM Quantum Platform instance. The API key is a secret: never log it,
/// show `maskedKey()`.
struct IbmAccount {
    std::string apiKey;      ///< IBM Cloud API key
    std::string instanceCrn; ///< the instance CRN (selects region and instance)
    std::string apiUrl;      ///< Quantum API base, ".../api/v1"
    std::string iamUrl;      ///< IAM token endpoint
    std::string name;        ///< where it came from: the account file entry, "environment" or "explicit"

    /// Region of the CRN; throws Error(InvalidInput) for a malformed CRN.
    std::string region() const;
    /// First 4 + "…" + last 4 characters of the key, or "…" for keys shorter than 12 characters.
    std::string maskedKey() const;
};

/// Where `loadIbmAccount` looks. Precedence (documented in engine/ibmq/README.md):
/// credentials: `accountName` (that entry of the account file, an error when missing) > QISKIT_IBM_TOKEN with
/// QISKIT_IBM_INSTANCE > the file's default account (the entry with "is_default_account": true, else
/// "default-ibm-quantum-platform", else "default-ibm-cloud", else the only usable entry). An entry without
/// "instance" takes QISKIT_IBM_INSTANCE. Only channels "ibm_quantum_platform" and "ibm_cloud" are usable.
/// API URL: `apiUrl` > QAOA_IBM_URL > from the CRN's region (private endpoint when the entry says so).
/// IAM URL: `iamUrl` > QAOA_IAM_URL > derived from the entry's "url" (https://cloud.ibm.com ->
/// https://iam.cloud.ibm.com/identity/token, test.cloud.ibm.com likewise) > IBM_DEFAULT_IAM_URL.
struct IbmAccountSources {
    std::map<std::string, std::string> environment; ///< environment variables (only the names above are read)
    std::string homeDirectory;                      ///< the account file is <home>/.qiskit/qiskit-ibm.json
    std::string accountFile;                        ///< overrides the file path when non-empty
    std::string accountName;                        ///< a named entry, or empty for the default
    std::string apiUrl;                             ///< explicit --ibm-url, or empty
    std::string iamUrl;                             ///< explicit --iam-url, or empty
};

/// Largest account file read (bytes).
constexpr std::size_t IBM_ACCOUNT_FILE_MAX_BYTES = 1u << 20;

/// Resolves the account from `sources` (see IbmAccountSources for the order). Throws Error(InvalidInput) for
/// a malformed file or CRN, naming "<file>:/<entry>/<field>", and Error(InvalidArgument) when no account can be
/// found, saying where it looked. Never puts the API key into a message.
IbmAccount loadIbmAccount(const IbmAccountSources& sources);

/// As above with the process environment and $HOME (USERPROFILE on Windows).
IbmAccount loadIbmAccount(const std::string& accountName = {}, const std::string& apiUrl = {},
                          const std::string& iamUrl = {});

} // namespace engine
