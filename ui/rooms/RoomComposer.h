#pragma once
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace trellis::ui {

/// Writes messages for one room: plain, as a reply to an event, or as an edit of one's own
/// message (client-server-api "Rich replies", "Event replacements"). It only makes the event
/// content; whoever owns it sends it (contentReady()).
class RoomComposer : public QWidget
{
    Q_OBJECT
public:
    explicit RoomComposer(QWidget *parent = nullptr);

    /// The next message answers `eventId` (by `sender`, starting `snippet`).
    void startReply(const QString &eventId, const QString &sender, const QString &snippet);
    /// The next message replaces `eventId`, whose text is `text` now.
    void startEdit(const QString &eventId, const QString &text);
    /// Back to a plain message.
    void cancel();
    QLineEdit *field() const { return m_field; }

    /// The content for `text` in the current mode (a reply, an edit or plain), as JSON.
    QByteArray contentFor(const QString &text) const;

Q_SIGNALS:
    /// An m.room.message with this content (JSON) is to be sent.
    void contentReady(const QByteArray &content);

private:
    void send();

    enum class Mode { Plain, Reply, Edit };
    Mode m_mode = Mode::Plain;
    QString m_target;
    QLabel *m_modeLabel;
    QToolButton *m_cancel;
    QLineEdit *m_field;
    QPushButton *m_send;
};

} // namespace trellis::ui
