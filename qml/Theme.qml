// Every colour of the designer, light or dark as ThemeSettings decides (the system's scheme,
// or the user's choice in View > Theme).
pragma Singleton
import QtQuick
import Skydraft.Platform

QtObject {
    readonly property bool dark: ThemeSettings.dark

    // Surfaces.
    readonly property color window: dark ? "#1b1e24" : "#f5f7fa"
    readonly property color canvas: dark ? "#17191e" : "#f5f7fa"
    readonly property color panel: dark ? "#21252c" : "#fbfcfd"
    readonly property color bar: dark ? "#262a32" : "#ffffff"
    readonly property color field: dark ? "#2a2f37" : "#ffffff"
    readonly property color sectionBar: dark ? "#252a31" : "#f7f8fa"
    readonly property color divider: dark ? "#363b45" : "#dfe3e9"
    readonly property color dividerSoft: dark ? "#2e333b" : "#e6e9ee"
    readonly property color dividerFaint: dark ? "#2a2e35" : "#eef0f3"
    readonly property color splitterHover: dark ? "#46505e" : "#c9d3e0"

    // Text.
    readonly property color textStrong: dark ? "#e8ebf0" : "#172033"
    readonly property color text: dark ? "#dce0e7" : "#1d2433"
    readonly property color textSecondary: dark ? "#b9c0cc" : "#3b4558"
    readonly property color textMuted: dark ? "#9ea7b5" : "#5b6679"
    readonly property color textFaint: dark ? "#8d96a5" : "#687387"
    readonly property color textPlaceholder: dark ? "#7a8494" : "#8a94a6"
    readonly property color accentText: "#ffffff"

    // Selection and interaction.
    readonly property color accent: dark ? "#4d9df2" : "#0b6bcb"
    readonly property color accentFill: dark ? "#1d3551" : "#dbe9fb"
    readonly property color accentTint: dark ? "#1c2a3a" : "#e8f0fb"
    readonly property color hoverFill: dark ? "#2b313a" : "#edf2f8"
    readonly property color pressedFill: dark ? "#31404f" : "#dde8f6"
    readonly property color rowHover: dark ? "#262b33" : "#f5f7fa"
    readonly property color band: dark ? "#264d9df2" : "#1a2e73b8"
    readonly property color bandBorder: dark ? "#4d9df2" : "#2e73b8"
    readonly property color infoFill: dark ? "#1e2a38" : "#eef4fb"
    readonly property color infoBorder: dark ? "#2c3e54" : "#d6e4f5"

    // Findings.
    readonly property color error: dark ? "#ff6f5c" : "#c7321c"
    readonly property color errorText: dark ? "#ff8a7a" : "#b3261e"
    readonly property color errorBadge: "#c7321c"
    readonly property color warning: dark ? "#e8a33a" : "#b86e00"
    readonly property color warningText: dark ? "#e8a33a" : "#9a5c00"
    readonly property color warningBadge: "#d98a00"
    readonly property color info: dark ? "#6aa8e8" : "#2e73b8"
    readonly property color ok: dark ? "#72c04f" : "#3f8624"
    readonly property color invalid: dark ? "#ff6f5c" : "#c62828"

    // Canvas: containers.
    readonly property color vpcAccent: dark ? "#a47cff" : "#8c4fff"
    readonly property color vpcFill: dark ? "#201c2b" : "#fcfbff"
    readonly property color publicAccent: dark ? "#62ad41" : "#3f8624"
    readonly property color publicFill: dark ? "#1a2418" : "#f3f9ef"
    readonly property color privateAccent: dark ? "#5597d9" : "#2e73b8"
    readonly property color privateFill: dark ? "#18212c" : "#eff5fb"
    readonly property color containerAccent: dark ? "#9572ec" : "#6b3fd1"
    readonly property color containerFill: dark ? "#1f1c29" : "#f8f6fe"
    readonly property color publicBadge: dark ? "#24401b" : "#e2f2d9"
    readonly property color publicBadgeText: dark ? "#9ad77a" : "#2c6a12"
    readonly property color privateBadge: dark ? "#1c3552" : "#dcebf8"
    readonly property color privateBadgeText: dark ? "#94c3f0" : "#1f5e99"
    readonly property color handleFill: dark ? "#262a32" : "#ffffff"

    // Canvas: far-out tiles in the AWS category colours (see ElementItem for the alpha).
    readonly property color computeTile: "#feed7100"
    readonly property color databaseTile: "#fe2e73b8"
    readonly property color storageTile: "#fe3f8624"
    readonly property color genericTile: "#fe7d8998"
    readonly property color networkingTile: "#fe8c4fff"

    // Canvas: lines.
    readonly property color peering: dark ? "#a47cff" : "#8c4fff"
    readonly property color transit: dark ? "#9572ec" : "#6b3fd1"
    readonly property color vpn: dark ? "#f08a2c" : "#d9730d"
    readonly property color route: dark ? "#6fae4c" : "#4b8b2b"
    readonly property color uses: dark ? "#8796a8" : "#5a6b7b"
    readonly property color labelFill: dark ? "#262a32" : "#ffffff"

    /// The border colour of a container of tone ("vpc", "public", "private", "container":
    /// ElementListModel's tone role).
    function accentOf(tone) {
        switch (tone) {
        case "vpc": return vpcAccent
        case "public": return publicAccent
        case "private": return privateAccent
        default: return containerAccent
        }
    }
    /// The fill of a container of tone.
    function fillOf(tone) {
        switch (tone) {
        case "vpc": return vpcFill
        case "public": return publicFill
        case "private": return privateFill
        default: return containerFill
        }
    }
    /// A subnet's reach badge ("public" or any other reach key).
    function badgeOf(reach) { return reach === "public" ? publicBadge : privateBadge }
    function badgeTextOf(reach) { return reach === "public" ? publicBadgeText : privateBadgeText }
    /// The far-out tile of a resource node of category (the palette's category key).
    function tileOf(category) {
        switch (category) {
        case "compute": return computeTile
        case "database": return databaseTile
        case "storage": return storageTile
        case "integration": return genericTile
        default: return networkingTile
        }
    }
    /// The colour of a line of style (ConnectionListModel's lineStyle role; "preview" and
    /// "invalid" for a line being drawn).
    function lineOf(style) {
        switch (style) {
        case "peering": return peering
        case "transit": return transit
        case "vpn": return vpn
        case "route": return route
        case "preview": return accent
        case "invalid": return invalid
        default: return uses
        }
    }

    // Minimap.
    readonly property color minimapFill: dark ? "#f0262a32" : "#f0ffffff"
    readonly property color minimapBorder: dark ? "#3a404a" : "#d3d9e2"
    readonly property color minimapVpc: dark ? "#2c2540" : "#f1ebff"
    readonly property color minimapSubnet: dark ? "#1f2d3d" : "#e3eef9"
    readonly property color minimapNode: dark ? "#8d96a5" : "#6d7a8c"
    readonly property color minimapView: dark ? "#264d9df2" : "#1a0b6bcb"
}
