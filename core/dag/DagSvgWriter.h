#pragma once
#include "core/dag/DagLayout.h"

#include <QByteArray>
#include <QString>

namespace trellis::dag {

/// Draws a layout as a standalone SVG document, readable at 1:1: a row per event, edges as
/// paths coloured by lane, nodes as circles (messages) or rounded squares (state events)
/// filled by event type family and outlined in a hue of the sender's server, and a label
/// with the short event ID and type. Missing events are dashed, rejected ones red-outlined
/// and faded; every node has a <title> tooltip. Text is escaped for XML 1.0.
class DagSvgWriter
{
public:
    static QByteArray write(const DagLayout &layout);
    /// Only rows [firstRow, lastRow] (clamped): their nodes and labels, and the edges that
    /// cross them, cut at the picture's edge (the explorer's "visible part").
    static QByteArray write(const DagLayout &layout, int firstRow, int lastRow);

    /// `text` made safe for XML character data and attribute values: markup characters
    /// escaped, characters XML 1.0 forbids replaced with U+FFFD.
    static QString escape(const QString &text);
    /// A deterministic colour hue in [0, 360) for a server name.
    static int serverHue(const QString &server);
};

} // namespace trellis::dag
