// CIDR planning: the free block for a new VPC or subnet, and where pasted ones move.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "cidr.h"
#include "diagram.h"

namespace skydraft {

/// The IPv4 blocks of a VPC that parse (primary first, then secondary), canonical.
std::vector<Cidr> vpcIpv4Blocks(const Element& vpc);

/// The IPv4 blocks of every VPC of the diagram (primary and secondary).
std::vector<Cidr> usedVpcBlocks(const Diagram& diagram);

/// The IPv4 blocks of the subnets of vpc, leaving out the subnet `except`.
std::vector<Cidr> usedSubnetBlocks(const Diagram& diagram, const Element& vpc,
                                   std::string_view except = {});

/// The first /prefix of 10.0.0.0/8 that no VPC of the diagram and nothing of alsoUsed overlaps.
std::optional<Cidr> freeVpcBlock(const Diagram& diagram, int prefix,
                                 const std::vector<Cidr>& alsoUsed = {});

/// The first /prefix inside the VPC's blocks (primary first) that no subnet of the VPC (but
/// `except`) and nothing of alsoUsed overlaps; nullopt when the VPC is full or has no block.
std::optional<Cidr> freeSubnetBlock(const Diagram& diagram, const Element& vpc, int prefix,
                                    const std::vector<Cidr>& alsoUsed = {},
                                    std::string_view except = {});

/// Moves pasted VPCs and subnets that would collide: a pasted VPC whose CIDR overlaps a VPC of
/// the diagram or an earlier pasted one gets the next free block of its size (its secondary
/// CIDRs dropped) and its pasted subnets move with it, keeping their offsets; a pasted subnet
/// in an existing VPC that overlaps a sibling gets the next free block of the VPC. `pasted`
/// holds the new elements with their final ids and parents, not yet in the diagram.
void reallocatePasted(const Diagram& diagram, std::vector<Element>& pasted);

}  // namespace skydraft
