#pragma once
#include "core/events/Pdu.h"

#include <QList>
#include <QString>
#include <QWidget>
#include <optional>

class QListWidget;

namespace trellis::ui {

/// What a reply shows above its text: who wrote the message it answers and how it began.
struct TimelineReply
{
    QString eventId; ///< the replied-to event
    QString sender;  ///< empty when that event is not in the timeline
    QString snippet; ///< its first 60 characters as shown, on one line
};

/// One row of a room's timeline, as a user sees it (client-server-api "Instant Messaging").
struct TimelineItem
{
    enum class Kind { Message, Emote, Notice, StateChange, Redacted, Other };

    QString eventId;
    QString sender;
    QString type;       ///< the event type, for tooltips
    qint64 timestamp{}; ///< origin_server_ts, ms since the epoch
    Kind kind = Kind::Message;
    /// What the user sees: the body (of the latest edit), "* sender body" for an emote,
    /// "[image: body]" for media, a one-line sentence for a state event.
    QString text;
    bool edited = false;
    bool redacted = false;
    std::optional<TimelineReply> inReplyTo;
};

/// Builds the rows of a timeline from a room's events in stream order (oldest first).
/// Replacements (event_replacements.md) and redactions are folded into the events they
/// change and are no rows of their own; reply fallbacks are stripped (rich_replies.md).
/// Pure and thread-safe apart from translation lookups. Redactions are applied as given:
/// whether the redacter was allowed to is the DAG view's business, not the timeline's.
QList<TimelineItem> buildTimeline(const QList<events::Pdu> &events);

/// A read-only view of a room's timeline: sender, local time and text per row; edits marked
/// "(edited)", replies with a quote line above, deleted messages in grey italics, state
/// changes small and grey. Feed it a DagSnapshot's events directly.
class RoomTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit RoomTimeline(QWidget *parent = nullptr);

    /// Replaces the timeline with the one built from `events` and scrolls to its end.
    void setEvents(const QList<events::Pdu> &events);
    const QList<TimelineItem> &items() const { return m_items; }
    /// Whose messages may be edited from the context menu (the owner's).
    void setOwnUserId(const QString &userId) { m_ownUserId = userId; }
    /// The context menu's actions for the item at `row`: "reply", "edit" (the owner's text
    /// messages only); empty for state changes and deleted messages.
    QStringList actionsFor(int row) const;
    /// Runs one of actionsFor(row) (as the context menu does).
    void trigger(int row, const QString &action);

Q_SIGNALS:
    void replyRequested(const QString &eventId, const QString &sender, const QString &snippet);
    void editRequested(const QString &eventId, const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showMenu(const QPoint &position);
    QString greyText() const;

    QListWidget *m_list;
    QList<TimelineItem> m_items;
    QString m_ownUserId;
};

} // namespace trellis::ui
