// The interface of the AWS scan module (libskydraft_aws.so): what the command line and the
// designer ask for and get back. Plain C++ types only, so that it crosses the dlopen boundary.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace skydraft::aws {

/// What to scan and how.
struct ScanRequest {
    std::string profile;               ///< --profile; "" for AWS_PROFILE or "default"
    std::vector<std::string> regions;  ///< --region; empty for the profile's region
    bool allRegions = false;           ///< every region enabled for the account
    std::string endpointUrl;           ///< --endpoint-url; "" for AWS_ENDPOINT_URL or AWS
    /// The environment to read credentials and settings from; empty for the process's own.
    std::vector<std::pair<std::string, std::string>> environment;
    int parallelPerRegion = 4;
    int timeoutMs = 30000;  ///< per attempt
    int maxAttempts = 5;
    int baseDelayMs = 200;  ///< backoff base
};

/// How far the scan of one service in one region is (calls done of calls known so far).
struct ScanProgress {
    std::string region;
    std::string service;
    int done = 0;
    int total = 0;
};

/// Told about the scan as it runs, in the scanning thread.
class ScanObserver {
public:
    virtual ~ScanObserver() = default;
    virtual void progress(const ScanProgress&) {}
    virtual void warning(const std::string&) {}
    /// Polled while the scan runs; true stops it.
    virtual bool cancelled() { return false; }
};

/// The result: a diagram in the native format, or the reason there is none.
struct ScanOutcome {
    bool ok = false;
    bool cancelled = false;
    std::string error;                  ///< when !ok: what went wrong and what to do (no secrets)
    std::string diagram;                ///< the .skydraft text
    std::vector<std::string> warnings;  ///< denied or failed calls: the diagram lacks something
    std::vector<std::string> notes;     ///< resources left out and why
    int requests = 0;                   ///< HTTP requests sent, retries included
    int elements = 0;
};

/// The module's table of entry points.
struct AwsModuleApi {
    int version = 1;
    void (*scan)(const ScanRequest& request, ScanObserver& observer, ScanOutcome& outcome);
};

/// The module's one exported symbol: returns its AwsModuleApi.
inline constexpr const char* kAwsModuleEntryPoint = "skydraft_aws_module";
inline constexpr int kAwsModuleVersion = 1;

}  // namespace skydraft::aws
