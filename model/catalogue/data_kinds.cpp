// The data family: databases, tables, caches, buckets and file systems.
#include "catalogue/catalogue_builders.h"
#include "catalogue/catalogue_families.h"

namespace skydraft::catalogue {

using nlohmann::json;
using T = PropertyType;

void addDataKinds(std::vector<KindDef>& kinds) {
    const auto db = Category::Database;
    const auto storage = Category::Storage;

    kinds.push_back(
        KindBuilder("rds_instance", "RDS database", db)
            .cfnType("AWS::RDS::DBInstance")
            .label("database")
            .idPrefix("rds")
            .in({"vpc"})
            .properties(
                {cfn(enumProp("engine", "Engine",
                              {"postgres", "mysql", "mariadb", "oracle-se2", "sqlserver-ex"}),
                     "Engine"),
                 cfn(prop("instance_class", T::String, "Instance class", "db.t3.micro", true),
                     "DBInstanceClass"),
                 cfn(prop("allocated_storage", T::Integer, "Storage (GiB)", 20), "AllocatedStorage",
                     CfnValue::IntegerString),
                 cfnAbsent(cfn(prop("multi_az", T::Bool, "Multi-AZ", false), "MultiAZ"), false),
                 cfnAbsent(cfn(prop("publicly_accessible", T::Bool, "Publicly accessible", false),
                               "PubliclyAccessible"),
                           false),
                 subnetsProp("The DB subnet group: subnets in at least two availability zones."),
                 cfnOptional(securityGroupsProp(), "VPCSecurityGroups", CfnValue::GroupIdList)})
            .describe("A managed relational database with its DB subnet group.")
            .detail({detailValue("engine"), detailValue("instance_class"),
                     detailWords("multi_az", {{"true", "Multi-AZ"}, {"*", ""}})})
            .pricing({hourly("h", "rds.{instance_class}.hour"),
                      when(hourly("h of the Multi-AZ standby", "rds.{instance_class}.hour"),
                           "multi_az", {"true"})})
            .build());

    kinds.push_back(
        KindBuilder("dynamodb_table", "DynamoDB table", db)
            .cfnType("AWS::DynamoDB::Table")
            .idPrefix("ddb")
            .in({""})
            .properties({cfnCustom(prop("partition_key", T::String, "Partition key", "id", true)),
                         cfnAbsent(cfn(enumProp("billing_mode", "Billing",
                                                {"PAY_PER_REQUEST", "PROVISIONED"}),
                                       "BillingMode"),
                                   "PROVISIONED")})
            .describe("A managed key-value table (regional, outside any VPC).")
            .build());

    kinds.push_back(
        KindBuilder("elasticache_cluster", "ElastiCache cluster", db)
            .cfnType("AWS::ElastiCache::CacheCluster")
            .label("cache cluster")
            .idPrefix("cache")
            .in({"vpc"})
            .properties(
                {cfn(enumProp("engine", "Engine", {"redis", "memcached"}), "Engine"),
                 cfn(prop("node_type", T::String, "Node type", "cache.t3.micro", true),
                     "CacheNodeType"),
                 cfn(prop("num_nodes", T::Integer, "Nodes", 1), "NumCacheNodes"),
                 subnetsProp("The cache subnet group."),
                 cfnOptional(securityGroupsProp(), "VpcSecurityGroupIds", CfnValue::GroupIdList)})
            .describe("A managed in-memory cache.")
            .detail({detailText("ElastiCache"), detailValue("engine")})
            .pricing({counted(hourly("node h", "elasticache.{node_type}.hour"), "num_nodes")})
            .build());

    kinds.push_back(KindBuilder("s3_bucket", "S3 bucket", storage)
                        .cfnType("AWS::S3::Bucket")
                        .label("bucket")
                        .idPrefix("s3")
                        .in({""})
                        .properties({cfnOptional(prop("bucket_name", T::String, "Bucket name", ""),
                                                 "BucketName"),
                                     cfnCustom(prop("versioning", T::Bool, "Versioning", false))})
                        .describe("Object storage (regional, outside any VPC).")
                        .build());

    kinds.push_back(KindBuilder("efs_file_system", "EFS file system", storage)
                        .cfnType("AWS::EFS::FileSystem")
                        .label("file system")
                        .idPrefix("efs")
                        .in({"vpc"})
                        .properties({cfnAbsent(cfn(enumProp("performance_mode", "Performance mode",
                                                            {"generalPurpose", "maxIO"}),
                                                   "PerformanceMode"),
                                               "generalPurpose"),
                                     subnetsProp("One mount target per availability zone."),
                                     securityGroupsProp()})
                        .describe("A shared NFS file system with mount targets in subnets.")
                        .build());
}

}  // namespace skydraft::catalogue
