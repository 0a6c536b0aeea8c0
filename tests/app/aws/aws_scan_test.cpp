// Whole scans of the fake AWS endpoint: the expected diagram, pages, parallel calls, retries of
// throttled calls, denied calls, refused signatures, expired tokens, roles and secrets.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <algorithm>

#include "aws/aws_api.h"
#include "diagram_file.h"
#include "scan_test_support.h"

namespace skydraft::test {
namespace {

using nlohmann::json;

Diagram expectedDiagram() {
    return parseDiagram(
        sourceFile(QStringLiteral("tests/fixtures/aws/fake_account.expected.skydraft"))
            .toStdString());
}

/// Compares two diagrams element by element (geometry aside, which is the layout's business).
void expectSameContent(const Diagram& actual, const Diagram& expected) {
    EXPECT_EQ(actual.name(), expected.name());
    std::vector<std::string> actualIds;
    for (const auto& e : actual.elements()) {
        actualIds.push_back(e.id);
    }
    std::vector<std::string> expectedIds;
    for (const auto& e : expected.elements()) {
        expectedIds.push_back(e.id);
    }
    EXPECT_EQ(actualIds, expectedIds);
    for (const auto& want : expected.elements()) {
        const Element* got = actual.element(want.id);
        ASSERT_NE(got, nullptr) << want.id;
        EXPECT_EQ(got->kind, want.kind) << want.id;
        EXPECT_EQ(got->name, want.name) << want.id;
        EXPECT_EQ(got->parent, want.parent) << want.id;
        EXPECT_EQ(got->properties, want.properties) << want.id << "\n"
                                                    << got->properties.dump() << "\n"
                                                    << want.properties.dump();
        EXPECT_EQ(got->tags, want.tags) << want.id;
    }
    ASSERT_EQ(actual.connections().size(), expected.connections().size());
    for (const auto& want : expected.connections()) {
        const Connection* got = actual.connection(want.id);
        ASSERT_NE(got, nullptr) << want.id;
        EXPECT_EQ(*got, want);
    }
    json actualMeta = actual.metadata();
    actualMeta["aws_scan"]["scanned_at"] = "";
    EXPECT_EQ(actualMeta, expected.metadata());
}

int count(const std::vector<FakeRequest>& requests, const QString& region, const QString& action) {
    return static_cast<int>(std::count_if(requests.begin(), requests.end(), [&](const auto& r) {
        return r.region == region && r.action == action;
    }));
}

class AwsScan : public ::testing::Test {
protected:
    AwsScan() : fake(fakeAccount()) { fake.addCredentials(kKeyId, kSecret); }

    aws::ScanOutcome scan(std::vector<std::string> regions = {"us-east-1", "eu-west-1"},
                          std::map<std::string, std::string> environment = keyEnvironment()) {
        return runScanOf(fakeRequest(fake, std::move(regions), std::move(environment)), observer);
    }

    FakeAws fake;
    RecordingObserver observer;
};

TEST_F(AwsScan, TheFakeAccountGivesTheExpectedDiagram) {
    const aws::ScanOutcome outcome = scan();
    ASSERT_TRUE(outcome.ok) << outcome.error;
    EXPECT_TRUE(outcome.warnings.empty());
    EXPECT_EQ(outcome.notes,
              (std::vector<std::string>{
                  "pcx-0ext joins vpc-0shared and vpc-0partner, which are not both in the scan: "
                  "left out",
                  "the default VPC vpc-0default holds nothing but what AWS created with it: left "
                  "out"}));
    expectSameContent(parseDiagram(outcome.diagram), expectedDiagram());
    EXPECT_EQ(outcome.elements, 40);
}

TEST_F(AwsScan, EveryListIsReadPageByPage) {
    ASSERT_TRUE(scan().ok);
    const auto requests = fake.requests();
    // Six subnets, five security groups and two instances reservations at two per page.
    EXPECT_EQ(count(requests, "us-east-1", "DescribeSubnets"), 3);
    EXPECT_EQ(count(requests, "us-east-1", "DescribeSecurityGroups"), 3);
    EXPECT_EQ(count(requests, "us-east-1", "DescribeRouteTables"), 3);
    EXPECT_EQ(count(requests, "us-east-1", "DescribeDBInstances"), 1);
    EXPECT_EQ(count(requests, "us-east-1", "ListFunctions"), 1);
    std::vector<QString> tokens;
    for (const auto& r : requests) {
        if (r.region == "us-east-1" && r.action == "DescribeSubnets") {
            tokens.push_back(r.parameters.value("NextToken"));
        }
    }
    EXPECT_EQ(tokens, (std::vector<QString>{"", "page-2", "page-4"}));
}

TEST_F(AwsScan, OnlyAllowListedReadOnlyCallsAreSent) {
    ASSERT_TRUE(scan().ok);
    std::set<QString> actions;
    for (const auto& r : fake.requests()) {
        EXPECT_NE(aws::findCall(r.service.toStdString(), r.action.toStdString()), nullptr)
            << r.service.toStdString() << " " << r.action.toStdString();
        EXPECT_TRUE(r.action.startsWith("Describe") || r.action.startsWith("List") ||
                    r.action.startsWith("Get") || r.action == "SearchTransitGatewayRoutes")
            << r.action.toStdString();
        EXPECT_EQ(r.accessKeyId, kKeyId);
        actions.insert(r.action);
    }
    // A scan of named regions uses every call of the list but these two.
    std::set<QString> expected;
    for (const auto& call : aws::allowedCalls()) {
        expected.insert(QString::fromUtf8(call.action.data(), qsizetype(call.action.size())));
    }
    expected.erase("DescribeRegions");
    expected.erase("AssumeRole");
    EXPECT_EQ(actions, expected);
}

TEST_F(AwsScan, AFewRequestsRunInParallelPerRegion) {
    FakeAws slow(fakeAccount(), {2, 20});
    slow.addCredentials(kKeyId, kSecret);
    aws::ScanRequest request = fakeRequest(slow, {"us-east-1"}, keyEnvironment());
    request.parallelPerRegion = 3;
    ASSERT_TRUE(runScanOf(request, observer).ok);
    EXPECT_GE(slow.maxConcurrent(), 2);
    EXPECT_LE(slow.maxConcurrent(), 3);
}

TEST_F(AwsScan, ThrottledCallsAreRetriedUntilTheyPass) {
    fake.throttle("DescribeSubnets", 2);
    fake.throttle("DescribeLoadBalancers", 2);
    fake.throttle("ListFunctions", 1);
    const aws::ScanOutcome outcome = scan();
    ASSERT_TRUE(outcome.ok) << outcome.error;
    EXPECT_TRUE(outcome.warnings.empty());
    expectSameContent(parseDiagram(outcome.diagram), expectedDiagram());
    // Both regions call each of these; the fake throttles whichever comes first.
    const auto requests = fake.requests();
    EXPECT_EQ(count(requests, "us-east-1", "DescribeSubnets") +
                  count(requests, "eu-west-1", "DescribeSubnets"),
              3 + 1 + 2);
    EXPECT_EQ(count(requests, "us-east-1", "DescribeLoadBalancers") +
                  count(requests, "eu-west-1", "DescribeLoadBalancers"),
              1 + 1 + 2);
}

TEST_F(AwsScan, ACallThrottledToTheEndIsAWarningAndTheScanGoesOn) {
    fake.throttle("DescribeNatGateways", 1000);
    aws::ScanRequest request = fakeRequest(fake, {"us-east-1"}, keyEnvironment());
    request.maxAttempts = 3;
    const aws::ScanOutcome outcome = runScanOf(request, observer);
    ASSERT_TRUE(outcome.ok) << outcome.error;
    const std::string warning =
        "DescribeNatGateways in us-east-1 was still throttled after 3 attempts "
        "(RequestLimitExceeded: Request limit exceeded.): the diagram has no NAT gateways from "
        "there; scan again later";
    EXPECT_EQ(outcome.warnings, std::vector<std::string>{warning});
    EXPECT_EQ(observer.warnings, std::vector<std::string>{warning});
    const Diagram diagram = parseDiagram(outcome.diagram);
    EXPECT_TRUE(diagram.elementsOfKind("nat_gateway").empty());
    EXPECT_NE(diagram.element("rtb-0app"), nullptr);
    EXPECT_EQ(count(fake.requests(), "us-east-1", "DescribeNatGateways"), 3);
}

TEST_F(AwsScan, ADeniedCallIsAWarningNamingTheMissingPermission) {
    fake.deny("DescribeInstances");
    fake.deny("DescribeLoadBalancers");
    const aws::ScanOutcome outcome = scan({"us-east-1"});
    ASSERT_TRUE(outcome.ok) << outcome.error;
    EXPECT_EQ(outcome.warnings,
              (std::vector<std::string>{
                  "no permission for ec2:DescribeInstances in us-east-1 (UnauthorizedOperation: "
                  "You are not authorized to perform this operation.): the diagram has no EC2 "
                  "instances from there; allow ec2:DescribeInstances to scan them",
                  "no permission for elasticloadbalancing:DescribeLoadBalancers in us-east-1 "
                  "(AccessDenied: User: arn:aws:iam::123456789012:user/scan is not authorized to "
                  "perform: elasticloadbalancing:DescribeLoadBalancers): the diagram has no load "
                  "balancers from there; allow elasticloadbalancing:DescribeLoadBalancers to scan "
                  "them"}));
    const Diagram diagram = parseDiagram(outcome.diagram);
    EXPECT_TRUE(diagram.elementsOfKind("ec2_instance").empty());
    EXPECT_TRUE(diagram.elementsOfKind("load_balancer").empty());
    EXPECT_EQ(diagram.elementsOfKind("subnet").size(), 5u);
    EXPECT_EQ(diagram.elementsOfKind("rds_instance").size(), 2u);
}

TEST_F(AwsScan, AWrongSecretStopsTheScanWithTheSignatureMessage) {
    auto environment = keyEnvironment();
    environment["AWS_SECRET_ACCESS_KEY"] = "not-the-secret-of-this-key";
    const aws::ScanOutcome outcome = scan({"us-east-1"}, environment);
    EXPECT_FALSE(outcome.ok);
    EXPECT_EQ(outcome.error,
              "AWS refused the signature of GetCallerIdentity in us-east-1: the secret access key "
              "from environment variables does not belong to its access key id (or the system "
              "clock is far off) [SignatureDoesNotMatch: The request signature we calculated does "
              "not match the signature you provided. Check your AWS Secret Access Key and signing "
              "method.]");
    EXPECT_TRUE(outcome.diagram.empty());
    EXPECT_EQ(fake.requests().size(), 1u);
}

TEST_F(AwsScan, AnExpiredSessionTokenStopsTheScanSayingWhatToDo) {
    fake.addCredentials("ASIATEMPORARY0000001", "temporary-secret", "token-of-yesterday", true);
    const aws::ScanOutcome outcome =
        scan({"us-east-1"}, {{"AWS_ACCESS_KEY_ID", "ASIATEMPORARY0000001"},
                             {"AWS_SECRET_ACCESS_KEY", "temporary-secret"},
                             {"AWS_SESSION_TOKEN", "token-of-yesterday"}});
    EXPECT_FALSE(outcome.ok);
    EXPECT_EQ(outcome.error,
              "the session token from environment variables has expired or is no longer valid "
              "(GetCallerIdentity in us-east-1): get new temporary credentials (aws sso login, aws "
              "sts get-session-token, or renew the role session) and scan again [ExpiredToken: The "
              "security token included in the request is expired]");
}

TEST_F(AwsScan, CredentialsKnownToHaveExpiredAreRefusedBeforeAnyCall) {
    auto environment = keyEnvironment();
    environment["AWS_SESSION_TOKEN"] = "some-token";
    environment["AWS_CREDENTIAL_EXPIRATION"] = "2020-01-01T00:00:00Z";
    const aws::ScanOutcome outcome = scan({"us-east-1"}, environment);
    EXPECT_EQ(outcome.error,
              "the credentials from environment variables expired at 2020-01-01T00:00:00Z: get new "
              "ones (for example aws sso login, or a fresh aws sts get-session-token) and try "
              "again");
    EXPECT_TRUE(fake.requests().empty());
}

TEST_F(AwsScan, AnUnknownAccessKeyIsNamedAsSuch) {
    const aws::ScanOutcome outcome =
        scan({"us-east-1"},
             {{"AWS_ACCESS_KEY_ID", "AKIANOBODYKNOWS00001"}, {"AWS_SECRET_ACCESS_KEY", "x"}});
    EXPECT_EQ(outcome.error.rfind("AWS does not accept the access key from environment variables "
                                  "(GetCallerIdentity in us-east-1): it may be deleted, inactive "
                                  "or from another partition; check the credentials or choose "
                                  "another profile [InvalidClientTokenId: ",
                                  0),
              0u)
        << outcome.error;
}

TEST_F(AwsScan, SecretsReachNoDiagramWarningOrError) {
    const std::string secret = "SECRET-VALUE-THAT-MUST-NOT-LEAK-0123456";
    const std::string token = "TOKEN-VALUE-THAT-MUST-NOT-LEAK-0123456";
    fake.addCredentials("AKIALEAKCHECK0000001", QString::fromStdString(secret),
                        QString::fromStdString(token));
    fake.deny("DescribeVpcEndpoints");
    const std::map<std::string, std::string> environment = {
        {"AWS_ACCESS_KEY_ID", "AKIALEAKCHECK0000001"},
        {"AWS_SECRET_ACCESS_KEY", secret},
        {"AWS_SESSION_TOKEN", token}};
    const aws::ScanOutcome outcome = scan({"us-east-1"}, environment);
    ASSERT_TRUE(outcome.ok);
    auto wrongSecret = environment;
    wrongSecret["AWS_SECRET_ACCESS_KEY"] = secret + "-but-wrong";
    const aws::ScanOutcome refused = scan({"us-east-1"}, wrongSecret);
    ASSERT_FALSE(refused.ok);
    std::string everything = outcome.diagram + refused.error + refused.diagram;
    const std::vector<std::string>* lists[] = {&outcome.warnings, &outcome.notes,
                                               &observer.warnings};
    for (const auto* list : lists) {
        for (const auto& text : *list) {
            everything += text;
        }
    }
    EXPECT_EQ(everything.find(secret), std::string::npos);
    EXPECT_EQ(everything.find(token), std::string::npos);
    EXPECT_EQ(everything.find("AKIALEAKCHECK"), std::string::npos);
    // The VPN's configuration holds its tunnels' pre-shared keys: never read into a diagram.
    EXPECT_EQ(everything.find("PSK-DO-NOT-LEAK"), std::string::npos);
    // AWS quotes the canonical request (with the token) in a signature error: cut away.
    EXPECT_EQ(everything.find("Canonical String"), std::string::npos);
}

TEST_F(AwsScan, ARoleProfileAssumesItsRoleThroughSts) {
    QTemporaryDir home;
    QDir(home.path()).mkpath(".aws");
    QFile config(home.path() + "/.aws/config");
    ASSERT_TRUE(config.open(QIODevice::WriteOnly));
    config.write(
        "[profile scanner]\nrole_arn = arn:aws:iam::123456789012:role/Scanner\n"
        "source_profile = base\nregion = us-east-1\nrole_session_name = drift-check\n");
    config.close();
    QFile credentials(home.path() + "/.aws/credentials");
    ASSERT_TRUE(credentials.open(QIODevice::WriteOnly));
    credentials.write(QByteArray("[base]\naws_access_key_id = ") + kKeyId +
                      "\naws_secret_access_key = " + kSecret + "\n");
    credentials.close();
    fake.addRole("arn:aws:iam::123456789012:role/Scanner", "ASIAROLEKEY000000001", "role-secret",
                 "role-session-token");
    aws::ScanRequest request = fakeRequest(fake, {}, {{"HOME", home.path().toStdString()}});
    request.profile = "scanner";
    const aws::ScanOutcome outcome = runScanOf(request, observer);
    ASSERT_TRUE(outcome.ok) << outcome.error;
    const auto requests = fake.requests();
    ASSERT_GE(requests.size(), 2u);
    EXPECT_EQ(requests[0].action, "AssumeRole");
    EXPECT_EQ(requests[0].accessKeyId, kKeyId);
    EXPECT_EQ(requests[0].parameters.value("RoleSessionName"), "drift-check");
    for (std::size_t i = 1; i < requests.size(); ++i) {
        EXPECT_EQ(requests[i].accessKeyId, "ASIAROLEKEY000000001") << i;
        EXPECT_EQ(requests[i].region, "us-east-1") << i;
    }
}

TEST_F(AwsScan, ACredentialProcessProvidesTheKeys) {
    QTemporaryDir home;
    QDir(home.path()).mkpath(".aws");
    const QString script = home.path() + "/creds.sh";
    QFile file(script);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"") + kKeyId +
               "\", \"SecretAccessKey\": \"" + kSecret + "\"}'\n");
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::ExeOwner | QFile::WriteOwner);
    QFile config(home.path() + "/.aws/config");
    ASSERT_TRUE(config.open(QIODevice::WriteOnly));
    config.write(("[default]\nregion = us-east-1\ncredential_process = " + script + "\n").toUtf8());
    config.close();
    const aws::ScanOutcome outcome =
        runScanOf(fakeRequest(fake, {}, {{"HOME", home.path().toStdString()}}), observer);
    ASSERT_TRUE(outcome.ok) << outcome.error;
    EXPECT_EQ(fake.requests().front().accessKeyId, kKeyId);
}

TEST_F(AwsScan, AllRegionsAreTheAccountsEnabledOnes) {
    aws::ScanRequest request = fakeRequest(fake, {}, keyEnvironment());
    request.allRegions = true;
    request.environment.emplace_back("AWS_REGION", "us-east-1");
    const aws::ScanOutcome outcome = runScanOf(request, observer);
    ASSERT_TRUE(outcome.ok) << outcome.error;
    expectSameContent(parseDiagram(outcome.diagram), expectedDiagram());
    EXPECT_EQ(count(fake.requests(), "af-south-1", "DescribeVpcs"), 0);
}

TEST_F(AwsScan, ProgressCountsCallsPerRegionAndService) {
    ASSERT_TRUE(scan().ok);
    std::map<std::pair<std::string, std::string>, aws::ScanProgress> last;
    for (const auto& p : observer.progressed) {
        EXPECT_LE(p.done, p.total);
        last[{p.region, p.service}] = p;
    }
    for (const auto& [key, p] : last) {
        EXPECT_EQ(p.done, p.total) << key.first << " " << key.second;
    }
    EXPECT_TRUE(last.count({"us-east-1", "EC2"}));
    EXPECT_TRUE(last.count({"us-east-1", "Load balancing"}));
    EXPECT_TRUE(last.count({"eu-west-1", "S3"}));
}

TEST_F(AwsScan, CancellingStopsTheScan) {
    observer.cancelAfter = 3;
    FakeAws slow(fakeAccount(), {2, 50});
    slow.addCredentials(kKeyId, kSecret);
    const aws::ScanOutcome outcome =
        runScanOf(fakeRequest(slow, {"us-east-1"}, keyEnvironment()), observer);
    EXPECT_FALSE(outcome.ok);
    EXPECT_TRUE(outcome.cancelled);
    EXPECT_LT(slow.requests().size(), 40u);
}

TEST_F(AwsScan, AnEndpointThatDoesNotAnswerIsAClearError) {
    aws::ScanRequest request = fakeRequest(fake, {"us-east-1"}, keyEnvironment());
    request.endpointUrl = "http://127.0.0.1:1";
    request.maxAttempts = 2;
    const aws::ScanOutcome outcome = runScanOf(request, observer);
    EXPECT_FALSE(outcome.ok);
    EXPECT_EQ(outcome.error.rfind("cannot reach AWS STS in us-east-1 to learn the account (", 0),
              0u)
        << outcome.error;
    EXPECT_NE(outcome.error.find("after 2 attempts): check the network, the region and "
                                 "--endpoint-url"),
              std::string::npos)
        << outcome.error;
}

TEST_F(AwsScan, NoRegionIsAClearError) {
    const aws::ScanOutcome outcome = scan({}, keyEnvironment());
    EXPECT_EQ(outcome.error,
              "no region to scan: pass --region, set AWS_REGION, or set region in profile default");
}

}  // namespace
}  // namespace skydraft::test
