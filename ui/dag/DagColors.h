#pragma once
#include <QColor>
#include <QString>

namespace trellis::ui::dag {

/// The DAG view's palette: one hue per event type family, a deterministic hue per server.
class DagColors
{
public:
    /// Fill of a node: messages light, state events saturated, hue by type family
    /// (membership, power/permissions, room settings, messages, other).
    static QColor nodeFill(const QString &type, bool isState);
    /// A deterministic colour for a server name (the sender's server mark).
    static QColor serverColor(const QString &server);
    static QColor edgeColor(int lane);
    static QColor rejected() { return QColor(220, 30, 30); }
    static QColor softFailed() { return QColor(230, 140, 20); }
    static QColor selection() { return QColor(40, 120, 230); }
    /// Auth edges and the auth chain they lead to.
    static QColor authEdge() { return QColor(150, 60, 200); }
    /// The band behind rows another view points at (a state-resolution step's events).
    static QColor highlight() { return QColor(245, 180, 40, 70); }
};

} // namespace trellis::ui::dag
