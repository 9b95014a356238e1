#include "core/dag/DagSvgWriter.h"

#include "core/dag/DagLayoutJson.h"

#include <algorithm>
#include <cmath>

namespace trellis::dag {
namespace {

constexpr int kMargin = 16;
constexpr int kLaneWidth = 18;
constexpr int kRowHeight = 24;
constexpr int kRadius = 7;
constexpr int kLabelWidth = 460;

int laneX(int lane)
{
    return kMargin + lane * kLaneWidth + kLaneWidth / 2;
}
int rowY(int row)
{
    return kMargin + row * kRowHeight + kRowHeight / 2;
}

// "#rrggbb" for a hue in degrees with fixed saturation and lightness (HSL to RGB).
QByteArray hslColour(int hue, double saturation, double lightness)
{
    const double c = (1 - std::fabs(2 * lightness - 1)) * saturation;
    const double h = double(hue % 360) / 60.0;
    const double x = c * (1 - std::fabs(std::fmod(h, 2.0) - 1));
    double r = 0, g = 0, b = 0;
    switch (int(h)) {
    case 0:
        r = c;
        g = x;
        break;
    case 1:
        r = x;
        g = c;
        break;
    case 2:
        g = c;
        b = x;
        break;
    case 3:
        g = x;
        b = c;
        break;
    case 4:
        r = x;
        b = c;
        break;
    default:
        r = c;
        b = x;
        break;
    }
    const double m = lightness - c / 2;
    auto channel = [m](double v) {
        return QByteArray::number(int(std::lround((v + m) * 255)), 16).rightJustified(2, '0');
    };
    return '#' + channel(r) + channel(g) + channel(b);
}

// Fill hue by event type family: membership, room-shaping state, other state, redactions,
// messages, anything else.
int typeHue(const DagNode &node)
{
    static const QStringList kRoomShaping = {
        QStringLiteral("m.room.create"),       QStringLiteral("m.room.power_levels"),
        QStringLiteral("m.room.join_rules"),   QStringLiteral("m.room.history_visibility"),
        QStringLiteral("m.room.guest_access"), QStringLiteral("m.room.third_party_invite"),
        QStringLiteral("m.room.server_acl"),   QStringLiteral("m.room.encryption")};
    if (node.type == QStringLiteral("m.room.member"))
        return 210;
    if (node.isState)
        return kRoomShaping.contains(node.type) ? 30 : 130;
    if (node.type == QStringLiteral("m.room.redaction"))
        return 0;
    if (node.type.startsWith(QStringLiteral("m.room.")) ||
        node.type == QStringLiteral("m.reaction"))
        return 270;
    return 310;
}

QByteArray utf8(const QString &text)
{
    return DagSvgWriter::escape(text).toUtf8();
}

void writeEdge(QByteArray &out, const DagEdge &edge)
{
    out += "<path class=\"edge\" stroke=\"" + hslColour(edge.runLane * 47 + 200, 0.35, 0.55) +
           "\" d=\"";
    char command = 'M';
    for (const DagPoint &point : edge.path()) {
        out += command + QByteArray::number(laneX(point.lane)) + ' ' +
               QByteArray::number(rowY(point.row)) + ' ';
        command = 'L';
    }
    out.chop(1);
    out += "\"/>\n";
}

QByteArray nodeStyle(const DagNode &node)
{
    if (node.flags.testFlag(DagFlag::Missing))
        return "fill=\"#ffffff\" stroke=\"#888888\" stroke-dasharray=\"3 2\"";
    QByteArray style = "fill=\"" + hslColour(typeHue(node), 0.6, 0.6) + "\" stroke=\"";
    if (node.flags.testFlag(DagFlag::Rejected))
        style += "#d00000\" stroke-width=\"2.5\" fill-opacity=\"0.35\"";
    else
        style +=
            hslColour(DagSvgWriter::serverHue(node.server), 0.7, 0.3) + "\" stroke-width=\"2\"";
    if (node.flags.testFlag(DagFlag::SoftFailed))
        style += " opacity=\"0.55\"";
    if (node.flags.testFlag(DagFlag::Outlier))
        style += " stroke-dasharray=\"1 2\"";
    return style;
}

void writeNode(QByteArray &out, const DagNode &node)
{
    const QByteArray x = QByteArray::number(laneX(node.lane));
    const QByteArray y = QByteArray::number(rowY(node.row));
    const QStringList flags = dagFlagNames(node.flags);
    out += "<g class=\"node";
    for (const QString &flag : flags)
        out += ' ' + flag.toUtf8();
    out += "\"><title>" + utf8(node.id);
    if (!node.flags.testFlag(DagFlag::Missing))
        out += ' ' + utf8(node.type) + " from " + utf8(node.sender);
    out += " (depth " + QByteArray::number(node.depth) + ')' + "</title>";
    if (node.isState) {
        out += "<rect x=\"" + QByteArray::number(laneX(node.lane) - kRadius) + "\" y=\"" +
               QByteArray::number(rowY(node.row) - kRadius) + "\" width=\"" +
               QByteArray::number(2 * kRadius) + "\" height=\"" + QByteArray::number(2 * kRadius) +
               "\" rx=\"3\" " + nodeStyle(node) + "/>";
    } else {
        out += "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"" + QByteArray::number(kRadius) +
               "\" " + nodeStyle(node) + "/>";
    }
    if (node.flags.testFlag(DagFlag::ForwardExtremity))
        out += "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"" + QByteArray::number(kRadius + 3) +
               "\" fill=\"none\" stroke=\"#2a7a2a\" stroke-width=\"1\"/>";
    out += "</g>\n";
}

void writeLabel(QByteArray &out, const DagNode &node, int labelX)
{
    // The short ID: enough characters to tell events apart on screen.
    const QString shortId = node.id.left(9);
    QString label = shortId;
    label += node.flags.testFlag(DagFlag::Missing) ? QStringLiteral(" (missing)")
                                                   : QLatin1Char(' ') + node.type;
    if (node.flags.testFlag(DagFlag::Rejected))
        label += QStringLiteral(" [rejected]");
    out += "<text x=\"" + QByteArray::number(labelX) + "\" y=\"" +
           QByteArray::number(rowY(node.row) + 4) + "\">" + utf8(label) + "</text>\n";
}

} // namespace

QString DagSvgWriter::escape(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += c;
            out += text[++i];
        } else if (c.isSurrogate() || u == 0xFFFE || u == 0xFFFF ||
                   (u < 0x20 && u != 0x9 && u != 0xA && u != 0xD)) {
            out += QChar(QChar::ReplacementCharacter);
        } else if (u == '&') {
            out += QStringLiteral("&amp;");
        } else if (u == '<') {
            out += QStringLiteral("&lt;");
        } else if (u == '>') {
            out += QStringLiteral("&gt;");
        } else if (u == '"') {
            out += QStringLiteral("&quot;");
        } else if (u == '\'') {
            out += QStringLiteral("&apos;");
        } else {
            out += c;
        }
    }
    return out;
}

int DagSvgWriter::serverHue(const QString &server)
{
    // FNV-1a over UTF-8: qHash is seeded per process, and the picture must not change.
    quint32 hash = 2166136261u;
    for (const char byte : server.toUtf8()) {
        hash ^= quint8(byte);
        hash *= 16777619u;
    }
    return int(hash % 360);
}

QByteArray DagSvgWriter::write(const DagLayout &layout)
{
    return write(layout, 0, layout.rowCount() - 1);
}

QByteArray DagSvgWriter::write(const DagLayout &layout, int firstRow, int lastRow)
{
    firstRow = std::max(firstRow, 0);
    lastRow = std::min(lastRow, layout.rowCount() - 1);
    const int rows = std::max(0, lastRow - firstRow + 1);
    const int labelX = kMargin + layout.laneCount() * kLaneWidth + 8;
    const int width = labelX + kLabelWidth;
    const int height = 2 * kMargin + rows * kRowHeight;
    // The view box starts at the first row: content coordinates stay those of the whole graph,
    // and what lies outside (edges running on to other rows) is cut off by the picture's edge.
    const int top = firstRow * kRowHeight;
    QByteArray out;
    out.reserve(256 + qsizetype(rows) * 400);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
           QByteArray::number(width) + "\" height=\"" + QByteArray::number(height) +
           "\" viewBox=\"0 " + QByteArray::number(top) + ' ' + QByteArray::number(width) + ' ' +
           QByteArray::number(height) +
           "\" font-family=\"monospace\" font-size=\"12\">\n"
           "<rect y=\"" + QByteArray::number(top) + "\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
           "<g fill=\"none\" stroke-width=\"1.5\">\n";
    if (rows > 0) {
        std::vector<int> edges = layout.edgesCrossingRows(firstRow, lastRow);
        std::sort(edges.begin(), edges.end()); // the whole graph's order: a stable picture
        for (const int edge : edges)
            writeEdge(out, layout.edges()[size_t(edge)]);
    }
    out += "</g>\n";
    const std::span<const DagNode> nodes =
        rows > 0 ? layout.nodesInRows(firstRow, lastRow) : std::span<const DagNode>();
    for (const DagNode &node : nodes)
        writeNode(out, node);
    out += "<g fill=\"#222222\">\n";
    for (const DagNode &node : nodes)
        writeLabel(out, node, labelX);
    out += "</g>\n</svg>\n";
    return out;
}

} // namespace trellis::dag
