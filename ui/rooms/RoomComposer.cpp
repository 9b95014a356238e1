#include "ui/rooms/RoomComposer.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace trellis::ui {

RoomComposer::RoomComposer(QWidget *parent)
    : QWidget(parent), m_modeLabel(new QLabel(this)), m_cancel(new QToolButton(this)),
      m_field(new QLineEdit(this)), m_send(new QPushButton(tr("Send"), this))
{
    m_field->setPlaceholderText(tr("Message"));
    m_field->setAccessibleName(tr("Message"));
    m_cancel->setText(QStringLiteral("×"));
    m_cancel->setToolTip(tr("Write a plain message instead"));
    m_modeLabel->setForegroundRole(QPalette::PlaceholderText);
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(m_modeLabel, 1);
    modeRow->addWidget(m_cancel);
    auto *row = new QHBoxLayout;
    row->addWidget(m_field, 1);
    row->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->addLayout(modeRow);
    layout->addLayout(row);
    connect(m_send, &QPushButton::clicked, this, &RoomComposer::send);
    connect(m_field, &QLineEdit::returnPressed, this, &RoomComposer::send);
    connect(m_cancel, &QToolButton::clicked, this, &RoomComposer::cancel);
    connect(m_field, &QLineEdit::textChanged, this, [this] { m_send->setEnabled(!m_field->text().trimmed().isEmpty()); });
    cancel();
}

void RoomComposer::startReply(const QString &eventId, const QString &sender, const QString &snippet)
{
    m_mode = Mode::Reply;
    m_target = eventId;
    m_modeLabel->setText(tr("Replying to %1: %2").arg(sender, snippet.left(60)));
    m_modeLabel->show();
    m_cancel->show();
    m_field->setFocus();
}

void RoomComposer::startEdit(const QString &eventId, const QString &text)
{
    m_mode = Mode::Edit;
    m_target = eventId;
    m_modeLabel->setText(tr("Editing your message"));
    m_modeLabel->show();
    m_cancel->show();
    m_field->setText(text);
    m_field->setFocus();
}

void RoomComposer::cancel()
{
    m_mode = Mode::Plain;
    m_target.clear();
    m_modeLabel->hide();
    m_cancel->hide();
    m_send->setEnabled(!m_field->text().trimmed().isEmpty());
}

QByteArray RoomComposer::contentFor(const QString &text) const
{
    const QJsonObject message{{QStringLiteral("msgtype"), QStringLiteral("m.text")}, {QStringLiteral("body"), text}};
    QJsonObject content = message;
    if (m_mode == Mode::Reply) {
        // client-server-api "Rich replies": without a fallback quote, which clients no
        // longer need (v1.13).
        content.insert(QStringLiteral("m.relates_to"),
                       QJsonObject{{QStringLiteral("m.in_reply_to"), QJsonObject{{QStringLiteral("event_id"), m_target}}}});
    } else if (m_mode == Mode::Edit) {
        // client-server-api "Event replacements": the new content, and a body for clients
        // that do not know edits.
        content.insert(QStringLiteral("body"), QString(QStringLiteral("* ") + text));
        content.insert(QStringLiteral("m.new_content"), message);
        content.insert(QStringLiteral("m.relates_to"), QJsonObject{{QStringLiteral("rel_type"), QStringLiteral("m.replace")},
                                                                   {QStringLiteral("event_id"), m_target}});
    }
    return QJsonDocument(content).toJson(QJsonDocument::Compact);
}

void RoomComposer::send()
{
    const QString text = m_field->text().trimmed();
    if (text.isEmpty())
        return;
    Q_EMIT contentReady(contentFor(text));
    m_field->clear();
    cancel();
}

} // namespace trellis::ui
