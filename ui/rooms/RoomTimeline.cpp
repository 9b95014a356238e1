// A room's timeline as a Matrix client shows it: client-server-api "Instant Messaging"
// (m.room.message msgtypes), "Event replacements" (edits), "Rich replies" (reply fallbacks)
// and "Redactions".
#include "ui/rooms/RoomTimeline.h"

#include "core/json/QtStrings.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QListWidget>
#include <QMenu>
#include <QLocale>
#include <QPainter>
#include <QSet>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace trellis::ui {

namespace {

constexpr qsizetype kSnippetLength = 60;

QString stringAt(const json::Object &object, std::string_view key)
{
    return json::toQString(object[key].toString());
}

const json::Object &relatesTo(const events::Pdu &pdu)
{
    return pdu.content()["m.relates_to"].toObject();
}

/// The event an edit replaces, or empty when `pdu` is no replacement.
QString replacedEvent(const events::Pdu &pdu)
{
    const json::Object &relation = relatesTo(pdu);
    if (pdu.isState() || relation["rel_type"].toString() != "m.replace")
        return {};
    return stringAt(relation, "event_id");
}

QString repliedToEvent(const events::Pdu &pdu)
{
    return stringAt(relatesTo(pdu)["m.in_reply_to"].toObject(), "event_id");
}

/// rich_replies.md: drop the leading lines that start with "> " and stop at the first that
/// does not; the blank line old clients put after the quote goes too.
QString stripReplyFallback(const QString &body)
{
    const QStringList lines = body.split(QLatin1Char('\n'));
    qsizetype first = 0;
    while (first < lines.size() && lines[first].startsWith(QLatin1String("> ")))
        ++first;
    if (first == 0)
        return body;
    if (first < lines.size() && lines[first].isEmpty())
        ++first;
    return lines.mid(first).join(QLatin1Char('\n'));
}

/// The first characters of a message on one line, never splitting a surrogate pair.
QString snippetOf(const QString &text)
{
    QString line = text.simplified();
    if (line.size() > kSnippetLength) {
        qsizetype length = kSnippetLength;
        if (line[length - 1].isHighSurrogate())
            --length;
        line.truncate(length);
    }
    return line;
}

/// Turns events into rows in four passes: which events are redacted (a redaction may arrive
/// before its target), one row per event that is no edit or redaction (state texts need the
/// membership before each event, so in stream order), then the latest valid edit of each
/// message, and last the texts of messages and the quotes of replies.
class TimelineBuilder
{
    Q_DECLARE_TR_FUNCTIONS(trellis::ui::RoomTimeline)
public:
    explicit TimelineBuilder(const QList<events::Pdu> &events) : m_events(events) {}

    QList<TimelineItem> build()
    {
        for (const events::Pdu &pdu : m_events) {
            if (pdu.type() == QLatin1String("m.room.redaction") && pdu.redacts())
                m_redacted.insert(pdu.redacts()->toString());
        }
        for (const events::Pdu &pdu : m_events)
            addEvent(pdu);
        applyReplacements();
        QList<TimelineItem> items;
        items.reserve(m_rows.size());
        for (Row &row : m_rows) {
            if (!row.item.redacted && row.isMessage)
                renderMessage(row);
        }
        for (Row &row : m_rows) {
            if (!row.item.redacted && !row.pdu->isState())
                resolveReply(row);
            items.append(row.item);
        }
        return items;
    }

private:
    struct Row
    {
        const events::Pdu *pdu = nullptr;
        TimelineItem item;
        bool isMessage = false;
        json::Object shown; ///< a message's content, or its latest edit's m.new_content
    };

    void addEvent(const events::Pdu &pdu)
    {
        const QString id = pdu.eventId().toString();
        if (pdu.type() == QLatin1String("m.room.redaction"))
            return;
        if (const QString target = replacedEvent(pdu); !target.isEmpty()) {
            // A redacted edit no longer applies; an edit is never a row of its own.
            if (!m_redacted.contains(id))
                m_edits[target].append(&pdu);
            return;
        }
        Row row;
        row.pdu = &pdu;
        row.item.eventId = id;
        row.item.sender = pdu.sender().toString();
        row.item.type = pdu.type();
        row.item.timestamp = pdu.originServerTs();
        const QString sender = row.item.sender;
        if (pdu.isState()) {
            row.item.kind = TimelineItem::Kind::StateChange;
            row.item.text = stateText(pdu); // always: it tracks memberships
        } else if (pdu.type() == QLatin1String("m.room.message") ||
                   pdu.type() == QLatin1String("m.sticker")) {
            row.isMessage = true;
            row.shown = pdu.content();
        } else if (pdu.type() == QLatin1String("m.room.encrypted")) {
            row.item.kind = TimelineItem::Kind::Other;
            row.item.text = tr("Encrypted message");
        } else if (pdu.type() == QLatin1String("m.reaction")) {
            row.item.kind = TimelineItem::Kind::Other;
            row.item.text = tr("%1 reacted with %2").arg(sender, stringAt(relatesTo(pdu), "key"));
        } else {
            row.item.kind = TimelineItem::Kind::Other;
            row.item.text = tr("%1 sent %2").arg(sender, pdu.type());
        }
        // A stored event may already be pruned: a message without content was redacted.
        if (m_redacted.contains(id) || (row.isMessage && pdu.content().isEmpty())) {
            row.item.kind = TimelineItem::Kind::Redacted;
            row.item.redacted = true;
            row.item.text = tr("Message deleted");
        }
        m_rowOf.insert(id, int(m_rows.size()));
        m_rows.append(std::move(row));
    }

    /// event_replacements.md "Validity of replacement events" and "Applying m.new_content":
    /// same sender and type as the original, which is no state event; the most recent by
    /// origin_server_ts, then by the lexicographically largest event ID.
    void applyReplacements()
    {
        for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it) {
            const int index = m_rowOf.value(it.key(), -1);
            if (index < 0 || m_rows[index].item.redacted || !m_rows[index].isMessage)
                continue;
            Row &row = m_rows[index];
            const events::Pdu *latest = nullptr;
            for (const events::Pdu *edit : it.value()) {
                if (edit->sender() != row.pdu->sender() || edit->type() != row.pdu->type() ||
                    !edit->content()["m.new_content"].isObject())
                    continue;
                if (!latest || edit->originServerTs() > latest->originServerTs() ||
                    (edit->originServerTs() == latest->originServerTs() &&
                     latest->eventId().toString() < edit->eventId().toString()))
                    latest = edit;
            }
            if (latest) {
                row.shown = latest->content()["m.new_content"].toObject();
                row.item.edited = true;
            }
        }
    }

    void renderMessage(Row &row) const
    {
        QString body = stringAt(row.shown, "body");
        // The reply relation is the original's: m.new_content carries none of its own.
        if (!repliedToEvent(*row.pdu).isEmpty())
            body = stripReplyFallback(body);
        const std::string &msgtype = row.shown["msgtype"].toString();
        TimelineItem &item = row.item;
        item.kind = TimelineItem::Kind::Message;
        if (row.pdu->type() == QLatin1String("m.sticker")) {
            item.text = tr("[sticker: %1]").arg(body);
        } else if (msgtype == "m.emote") {
            item.kind = TimelineItem::Kind::Emote;
            item.text = tr("* %1 %2").arg(item.sender, body);
        } else if (msgtype == "m.notice") {
            item.kind = TimelineItem::Kind::Notice;
            item.text = body;
        } else if (msgtype == "m.image") {
            item.text = tr("[image: %1]").arg(body);
        } else if (msgtype == "m.file") {
            item.text = tr("[file: %1]").arg(body);
        } else if (msgtype == "m.video") {
            item.text = tr("[video: %1]").arg(body);
        } else if (msgtype == "m.audio") {
            item.text = tr("[audio: %1]").arg(body);
        } else {
            item.text = body;
        }
    }

    void resolveReply(Row &row) const
    {
        const QString target = repliedToEvent(*row.pdu);
        if (target.isEmpty())
            return;
        TimelineReply reply;
        reply.eventId = target;
        if (const int index = m_rowOf.value(target, -1); index >= 0) {
            reply.sender = m_rows[index].item.sender;
            reply.snippet = snippetOf(m_rows[index].item.text);
        }
        row.item.inReplyTo = reply;
    }

    QString stateText(const events::Pdu &pdu)
    {
        const QString sender = pdu.sender().toString();
        const json::Object &content = pdu.content();
        const QString &type = pdu.type();
        if (type == QLatin1String("m.room.member"))
            return memberText(pdu);
        if (type == QLatin1String("m.room.create")) {
            const QString version = stringAt(content, "room_version");
            return tr("%1 created the room (version %2)")
                .arg(sender, version.isEmpty() ? QStringLiteral("1") : version);
        }
        if (type == QLatin1String("m.room.name")) {
            const QString name = stringAt(content, "name");
            return name.isEmpty() ? tr("%1 removed the room name").arg(sender)
                                  : tr("%1 changed the room name to %2").arg(sender, name);
        }
        if (type == QLatin1String("m.room.topic")) {
            const QString topic = stringAt(content, "topic");
            return topic.isEmpty() ? tr("%1 removed the topic").arg(sender)
                                   : tr("%1 changed the topic to %2").arg(sender, topic);
        }
        if (type == QLatin1String("m.room.power_levels"))
            return tr("%1 changed the power levels").arg(sender);
        if (type == QLatin1String("m.room.join_rules"))
            return tr("%1 set the join rule to %2").arg(sender, stringAt(content, "join_rule"));
        if (type == QLatin1String("m.room.history_visibility"))
            return tr("%1 set the history visibility to %2")
                .arg(sender, stringAt(content, "history_visibility"));
        return tr("%1 set %2").arg(sender, type);
    }

    /// The membership change against the target's previous membership event in this list.
    QString memberText(const events::Pdu &pdu)
    {
        const QString sender = pdu.sender().toString();
        const QString target = pdu.stateKey().value_or(QString());
        const json::Object &content = pdu.content();
        const QString membership = stringAt(content, "membership");
        const json::Object previous = m_members.value(target);
        const QString before = stringAt(previous, "membership");
        m_members.insert(target, content);

        QString text;
        if (membership == QLatin1String("join")) {
            text = before == QLatin1String("join") ? profileText(target, previous, content)
                                                   : tr("%1 joined the room").arg(target);
        } else if (membership == QLatin1String("invite")) {
            text = tr("%1 invited %2").arg(sender, target);
        } else if (membership == QLatin1String("ban")) {
            text = tr("%1 banned %2").arg(sender, target);
        } else if (membership == QLatin1String("knock")) {
            text = tr("%1 asked to join").arg(target);
        } else if (membership == QLatin1String("leave")) {
            if (sender == target) {
                text = before == QLatin1String("invite")
                           ? tr("%1 rejected the invitation").arg(target)
                       : before == QLatin1String("knock")
                           ? tr("%1 withdrew their request to join").arg(target)
                           : tr("%1 left the room").arg(target);
            } else {
                text = before == QLatin1String("ban") ? tr("%1 unbanned %2").arg(sender, target)
                       : before == QLatin1String("invite")
                           ? tr("%1 withdrew the invitation of %2").arg(sender, target)
                           : tr("%1 kicked %2").arg(sender, target);
            }
        } else {
            text = tr("%1 set the membership of %2 to %3").arg(sender, target, membership);
        }
        const QString reason = stringAt(content, "reason");
        return reason.isEmpty() ? text : tr("%1 (reason: %2)").arg(text, reason);
    }

    static QString profileText(const QString &user, const json::Object &before,
                               const json::Object &after)
    {
        const QString oldName = stringAt(before, "displayname");
        const QString newName = stringAt(after, "displayname");
        if (oldName != newName) {
            return newName.isEmpty() ? tr("%1 removed their display name").arg(user)
                                     : tr("%1 changed their display name to %2").arg(user, newName);
        }
        if (stringAt(before, "avatar_url") != stringAt(after, "avatar_url"))
            return tr("%1 changed their avatar").arg(user);
        return tr("%1 updated their membership").arg(user);
    }

    const QList<events::Pdu> &m_events;
    QSet<QString> m_redacted;
    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
    QHash<QString, QList<const events::Pdu *>> m_edits; ///< original event ID -> its edits
    QHash<QString, json::Object> m_members;             ///< state key -> latest member content
};

// --- the widget -------------------------------------------------------------------------

constexpr int kHtmlRole = Qt::UserRole;
constexpr int kPadding = 4;

/// A colour per sender that stays the same between runs (qHash is seeded per process).
QString senderColour(const QString &sender)
{
    static const char *const colours[] = {"#c0392b", "#2471a3", "#1e8449", "#8e44ad",
                                          "#b9770e", "#117a65", "#a04000", "#5b2c6f"};
    quint32 hash = 0;
    for (const QChar c : sender)
        hash = hash * 31 + c.unicode();
    return QLatin1String(colours[hash % std::size(colours)]);
}

QString itemHtml(const TimelineItem &item, const QString &grey)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(item.timestamp)
                             .toLocalTime()
                             .toString(QStringLiteral("HH:mm"));
    const QString text =
        item.text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"));
    if (item.kind == TimelineItem::Kind::StateChange) {
        return QStringLiteral("<div style=\"color:%1; font-size:small\">%2 &nbsp;%3</div>")
            .arg(grey, time, text);
    }
    QString html;
    if (item.inReplyTo) {
        const QString quoted =
            item.inReplyTo->sender.isEmpty()
                ? RoomTimeline::tr("In reply to an earlier message").toHtmlEscaped()
                : QStringLiteral("<b>%1</b> %2")
                      .arg(item.inReplyTo->sender.toHtmlEscaped(),
                           item.inReplyTo->snippet.toHtmlEscaped());
        html += QStringLiteral("<div style=\"color:%1; margin-left:16px\">&#9474; %2</div>")
                    .arg(grey, quoted);
    }
    html +=
        QStringLiteral("<div><b style=\"color:%1\">%2</b> <span style=\"color:%3\">%4</span></div>")
            .arg(senderColour(item.sender), item.sender.toHtmlEscaped(), grey, time);
    QString body;
    switch (item.kind) {
    case TimelineItem::Kind::Redacted:
    case TimelineItem::Kind::Other:
        body = QStringLiteral("<i style=\"color:%1\">%2</i>").arg(grey, text);
        break;
    case TimelineItem::Kind::Emote:
        body = QStringLiteral("<i>%1</i>").arg(text);
        break;
    case TimelineItem::Kind::Notice:
        body = QStringLiteral("<span style=\"color:%1\">%2</span>").arg(grey, text);
        break;
    default:
        body = text;
        break;
    }
    if (item.edited)
        body += QStringLiteral(" <span style=\"color:%1; font-size:small\">%2</span>")
                    .arg(grey, RoomTimeline::tr("(edited)").toHtmlEscaped());
    return html + QStringLiteral("<div>%1</div>").arg(body);
}

/// Paints a row's HTML wrapped to the width of the view.
class TimelineDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        QTextDocument document;
        layOut(document, index, opt.rect.width());
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = opt.palette;
        if (opt.state & QStyle::State_Selected)
            context.palette.setColor(QPalette::Text, opt.palette.color(QPalette::HighlightedText));
        painter->save();
        painter->translate(opt.rect.topLeft() + QPoint(kPadding, kPadding));
        painter->setClipRect(
            QRect(0, 0, opt.rect.width() - 2 * kPadding, opt.rect.height() - 2 * kPadding));
        document.documentLayout()->draw(painter, context);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
        const int width = view ? view->viewport()->width() : option.rect.width();
        QTextDocument document;
        layOut(document, index, width);
        return {width, int(std::ceil(document.size().height())) + 2 * kPadding};
    }

private:
    static void layOut(QTextDocument &document, const QModelIndex &index, int width)
    {
        document.setDocumentMargin(0);
        document.setHtml(index.data(kHtmlRole).toString());
        document.setTextWidth(std::max(width - 2 * kPadding, 40));
    }
};

} // namespace

QList<TimelineItem> buildTimeline(const QList<events::Pdu> &events)
{
    return TimelineBuilder(events).build();
}

RoomTimeline::RoomTimeline(QWidget *parent) : QWidget(parent), m_list(new QListWidget(this))
{
    m_list->setAccessibleName(tr("Timeline"));
    m_list->setItemDelegate(new TimelineDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust); // rows re-wrap when the width changes
    m_list->setWordWrap(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &RoomTimeline::showMenu);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
}

QStringList RoomTimeline::actionsFor(int row) const
{
    if (row < 0 || row >= m_items.size())
        return {};
    const TimelineItem &item = m_items[row];
    const bool message = item.kind == TimelineItem::Kind::Message || item.kind == TimelineItem::Kind::Emote
                         || item.kind == TimelineItem::Kind::Notice;
    if (!message || item.redacted)
        return {};
    QStringList actions{QStringLiteral("reply")};
    if (item.kind == TimelineItem::Kind::Message && !m_ownUserId.isEmpty() && item.sender == m_ownUserId)
        actions.append(QStringLiteral("edit"));
    return actions;
}

void RoomTimeline::trigger(int row, const QString &action)
{
    if (!actionsFor(row).contains(action))
        return;
    const TimelineItem &item = m_items[row];
    if (action == QLatin1String("reply"))
        Q_EMIT replyRequested(item.eventId, item.sender, item.text);
    else
        Q_EMIT editRequested(item.eventId, item.text);
}

void RoomTimeline::showMenu(const QPoint &position)
{
    const int row = m_list->indexAt(position).row();
    const QStringList actions = actionsFor(row);
    if (actions.isEmpty())
        return;
    QMenu menu(this);
    for (const QString &action : actions) {
        menu.addAction(action == QLatin1String("reply") ? tr("Reply") : tr("Edit"), this,
                       [this, row, action] { trigger(row, action); });
    }
    menu.exec(m_list->viewport()->mapToGlobal(position));
}

QString RoomTimeline::greyText() const
{
    return palette().color(QPalette::Disabled, QPalette::Text).name();
}

void RoomTimeline::changeEvent(QEvent *event)
{
    // The theme changed: the rows' HTML names colours, so it is written again.
    if (event->type() == QEvent::PaletteChange) {
        const QString grey = greyText();
        for (int row = 0; row < m_list->count() && row < m_items.size(); ++row)
            m_list->item(row)->setData(kHtmlRole, itemHtml(m_items[row], grey));
    }
    QWidget::changeEvent(event);
}

void RoomTimeline::setEvents(const QList<events::Pdu> &events)
{
    m_items = buildTimeline(events);
    m_list->clear();
    const QString grey = greyText();
    const QLocale locale;
    for (const TimelineItem &item : std::as_const(m_items)) {
        auto *row = new QListWidgetItem(m_list);
        // The plain text serves accessibility and keyboard search; the delegate paints the HTML.
        row->setText(item.kind == TimelineItem::Kind::StateChange
                         ? item.text
                         : tr("%1: %2").arg(item.sender, item.text));
        row->setData(kHtmlRole, itemHtml(item, grey));
        row->setToolTip(
            tr("%1\n%2\n%3")
                .arg(item.eventId, item.type,
                     locale.toString(QDateTime::fromMSecsSinceEpoch(item.timestamp).toLocalTime(),
                                     QLocale::LongFormat)));
    }
    m_list->scrollToBottom();
    // Once shown, the rows get their real heights: scroll again after that layout.
    QMetaObject::invokeMethod(m_list, &QListWidget::scrollToBottom, Qt::QueuedConnection);
}

} // namespace trellis::ui
