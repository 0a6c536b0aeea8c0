// The data family in CloudFormation: RDS databases and ElastiCache clusters (with their subnet
// groups), DynamoDB tables, S3 buckets, EFS file systems (with a mount target per subnet).
#include "catalogue/kind_keys.h"
#include "cfn_export_context.h"
#include "cfn_import_context.h"
#include "cfn_layout_metadata.h"
#include "cfn_names.h"
#include "kinds/families.h"

namespace skydraft::cfn::families {

using nlohmann::json;

namespace {

/// The subnet group a database or cache names by Ref (groupKey), read when it is a resource of
/// groupType not yet folded and all its subnets are drafts; read are the group's properties the
/// import understands.
void readSubnetGroup(ImportContext& ctx, PrimaryReader& r, const char* groupKey,
                     const char* groupType, const std::set<std::string>& read) {
    if (!r.has(groupKey)) {
        return;
    }
    const OJ& g = r.props[groupKey];
    if (!g.is_object() || !g.contains("Ref") || !g["Ref"].is_string() ||
        !ctx.hasResource(g["Ref"].get<std::string>())) {
        return;
    }
    const std::string name = g["Ref"].get<std::string>();
    const OJ& group = ctx.resource(name);
    if (group.value("Type", "") != groupType || ctx.isConsumed(name)) {
        return;
    }
    std::vector<std::string> unresolved;
    json subnets =
        ctx.idList(ImportContext::properties(group).value("SubnetIds", OJ()), "", &unresolved);
    if (unresolved.empty()) {
        r.read.insert(groupKey);
        r.draft.props["subnets"] = subnets;
        ctx.auxRole(r.draft, "subnet_group", name, group, read);
    }
}

// RDS database: the master password is generated and kept in Secrets Manager; the user name is
// a parameter.

void exportRds(ExportContext& ctx, const Element& e, layout::Entry&) {
    ctx.addParameter(kDbUserParameter,
                     OJ{{"Type", "String"},
                        {"Default", "dbadmin"},
                        {"Description",
                         "Master user of the databases; the password is generated "
                         "and kept in Secrets Manager"}});
    OJ p = OJ::object();
    const OJ subnets = ctx.refList(e.stringListProperty("subnets"), false);
    if (!subnets.empty()) {
        const std::string group = ctx.auxId(e.id, "subnet_group", "SubnetGroup");
        ctx.emitAux(
            e.id, e.properties, "subnet_group", "SubnetGroup", "AWS::RDS::DBSubnetGroup",
            OJ{{"DBSubnetGroupDescription", "Subnets of " + e.name}, {"SubnetIds", subnets}});
        p["DBSubnetGroupName"] = OJ{{"Ref", group}};
    }
    p["ManageMasterUserPassword"] = true;
    p["MasterUsername"] = OJ{{"Ref", kDbUserParameter}};
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
}

void importRds(ImportContext& ctx, PrimaryReader& r) {
    r.fixed("ManageMasterUserPassword", true);
    r.fixed("MasterUsername", OJ{{"Ref", kDbUserParameter}});
    readSubnetGroup(ctx, r, "DBSubnetGroupName", "AWS::RDS::DBSubnetGroup",
                    {"SubnetIds", "DBSubnetGroupDescription"});
}

// DynamoDB table: a string partition key; provisioned tables get 5 read and write units.

const OJ kProvisionedThroughput = OJ{{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}};

void exportDynamoDbTable(ExportContext& ctx, const Element& e, layout::Entry&) {
    const std::string key = e.stringProperty("partition_key");
    OJ p = OJ::object();
    p["AttributeDefinitions"] = OJ::array({OJ{{"AttributeName", key}, {"AttributeType", "S"}}});
    p["KeySchema"] = OJ::array({OJ{{"AttributeName", key}, {"KeyType", "HASH"}}});
    if (e.stringProperty("billing_mode") == "PROVISIONED") {
        p["ProvisionedThroughput"] = kProvisionedThroughput;
    }
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
}

void importDynamoDbTable(ImportContext&, PrimaryReader& r) {
    Draft& d = r.draft;
    const OJ& ks = r.props.value("KeySchema", OJ());
    if (ks.is_array() && ks.size() == 1 && ks[0].value("KeyType", "") == "HASH" &&
        ks[0].contains("AttributeName") && ks[0]["AttributeName"].is_string()) {
        const std::string key = ks[0]["AttributeName"].get<std::string>();
        const OJ expected = OJ::array({OJ{{"AttributeName", key}, {"AttributeType", "S"}}});
        if (r.props.value("AttributeDefinitions", OJ()) == expected) {
            r.read.insert("KeySchema");
            r.read.insert("AttributeDefinitions");
            d.props["partition_key"] = key;
        }
    }
    if (d.props.value("billing_mode", json()) == "PROVISIONED" &&
        r.props.value("ProvisionedThroughput", OJ()) == kProvisionedThroughput) {
        r.read.insert("ProvisionedThroughput");
    }
}

// ElastiCache cluster: its cache subnet group.

void exportElastiCache(ExportContext& ctx, const Element& e, layout::Entry&) {
    OJ p = OJ::object();
    const OJ subnets = ctx.refList(e.stringListProperty("subnets"), false);
    if (!subnets.empty()) {
        const std::string group = ctx.auxId(e.id, "subnet_group", "SubnetGroup");
        ctx.emitAux(e.id, e.properties, "subnet_group", "SubnetGroup",
                    "AWS::ElastiCache::SubnetGroup",
                    OJ{{"Description", "Subnets of " + e.name}, {"SubnetIds", subnets}});
        p["CacheSubnetGroupName"] = OJ{{"Ref", group}};
    }
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
}

void importElastiCache(ImportContext& ctx, PrimaryReader& r) {
    readSubnetGroup(ctx, r, "CacheSubnetGroupName", "AWS::ElastiCache::SubnetGroup",
                    {"SubnetIds", "Description"});
}

// S3 bucket: versioning.

const OJ kVersioningEnabled = OJ{{"Status", "Enabled"}};

void exportS3Bucket(ExportContext& ctx, const Element& e, layout::Entry&) {
    OJ p = OJ::object();
    if (e.boolProperty("versioning")) {
        p["VersioningConfiguration"] = kVersioningEnabled;
    }
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
}

void importS3Bucket(ImportContext&, PrimaryReader& r) {
    r.draft.props["versioning"] = false;
    if (r.props.value("VersioningConfiguration", OJ()) == kVersioningEnabled) {
        r.read.insert("VersioningConfiguration");
        r.draft.props["versioning"] = true;
    }
}

// EFS file system: its tags are FileSystemTags; a mount target per subnet, all with the file
// system's security groups.

void exportEfs(ExportContext& ctx, const Element& e, layout::Entry&) {
    OJ p = OJ::object();
    OJ fsTags = ctx.tags(e);
    if (!fsTags.empty()) {
        p["FileSystemTags"] = std::move(fsTags);
    }
    ctx.emitPrimary(e, std::move(p));
    const OJ groups = ctx.refList(e.stringListProperty("security_groups"), true);
    for (const auto& s : e.stringListProperty("subnets")) {
        if (!ctx.exists(s)) {
            continue;
        }
        ctx.emitAux(e.id, e.properties, "mount:" + s, ctx.lid(s) + "Mount", "AWS::EFS::MountTarget",
                    OJ{{"FileSystemId", ctx.ref(e.id)},
                       {"SecurityGroups", groups},
                       {"SubnetId", ctx.ref(s)}});
    }
}

bool foldMountTarget(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const OJ& p = ImportContext::properties(res);
    Draft* fs = ctx.draftOfKind(p, "FileSystemId", kinds::kEfsFileSystem);
    Draft* subnet = ctx.draftOfKind(p, "SubnetId", kinds::kSubnet);
    if (!fs || !subnet || !ImportContext::isFree(*fs, "mount:" + subnet->id)) {
        return false;
    }
    std::vector<std::string> unresolved;
    json groups = ctx.idList(p.value("SecurityGroups", OJ::array()), "", &unresolved);
    if (!unresolved.empty()) {
        return false;
    }
    if (fs->props.contains("security_groups") && fs->props["security_groups"] != groups) {
        return false;
    }
    fs->props["security_groups"] = groups;
    ImportContext::append(fs->props["subnets"], subnet->id);
    ctx.auxRole(*fs, "mount:" + subnet->id, logicalId, res,
                {"FileSystemId", "SubnetId", "SecurityGroups"});
    return true;
}

}  // namespace

FamilyMapping data() {
    FamilyMapping family;
    family.family = "data";
    family.kinds = {
        {.kind = kinds::kRdsInstance,
         .exportElement = exportRds,
         .importResource = importRds,
         .placedBySubnets = true},
        {.kind = kinds::kDynamoDbTable,
         .exportElement = exportDynamoDbTable,
         .importResource = importDynamoDbTable,
         .leadingProperties = {"AttributeDefinitions", "KeySchema"}},
        {.kind = kinds::kElastiCacheCluster,
         .exportElement = exportElastiCache,
         .importResource = importElastiCache,
         .placedBySubnets = true,
         .leadingProperties = {"Engine", "CacheNodeType", "NumCacheNodes"}},
        {.kind = kinds::kS3Bucket,
         .exportElement = exportS3Bucket,
         .importResource = importS3Bucket},
        {.kind = kinds::kEfsFileSystem,
         .exportElement = exportEfs,
         .tagsKey = "FileSystemTags",
         .placedBySubnets = true},
    };
    family.folds = {{"AWS::EFS::MountTarget", foldMountTarget}};
    return family;
}

}  // namespace skydraft::cfn::families
