#include "ui/dag/DagColors.h"

#include "core/dag/DagSvgWriter.h"

namespace trellis::ui::dag {

namespace {

// Hues far enough apart to tell families apart at a glance.
int familyHue(const QString &type)
{
    if (type == u"m.room.member")
        return 210; // blue
    if (type == u"m.room.power_levels" || type == u"m.room.join_rules" ||
        type == u"m.room.create" || type == u"m.room.third_party_invite")
        return 280; // violet: what the auth rules read
    if (type.startsWith(u"m.room.message") || type.startsWith(u"m.room.encrypted") ||
        type == u"m.sticker" || type.startsWith(u"m.reaction"))
        return 130; // green
    if (type.startsWith(u"m.room."))
        return 40; // amber: other room settings
    return 0;      // custom types: grey-ish red
}

} // namespace

QColor DagColors::nodeFill(const QString &type, bool isState)
{
    if (type.isEmpty())
        return QColor(240, 240, 240);
    const int hue = familyHue(type);
    return isState ? QColor::fromHsv(hue, 170, 215) : QColor::fromHsv(hue, 90, 245);
}

QColor DagColors::serverColor(const QString &server)
{
    // The same hue the SVG export uses, so both pictures agree.
    return QColor::fromHsv(trellis::dag::DagSvgWriter::serverHue(server), 220, 160);
}

QColor DagColors::edgeColor(int lane)
{
    return QColor::fromHsv((lane * 47) % 360, 110, 150);
}

} // namespace trellis::ui::dag
