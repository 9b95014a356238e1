#include "ui/rooms/RoomsPanel.h"

#include "ui/rooms/NewRoomDialog.h"
#include "ui/rooms/RoomAvatar.h"
#include "ui/rooms/RoomSettingsDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace trellis::ui {

namespace {
constexpr int kRoomIdRole = Qt::UserRole;
constexpr int kTitleRole = Qt::UserRole + 1;
constexpr int kInviteRole = Qt::UserRole + 2;

/// What the list calls a room: its name, else its alias, else its ID.
QString titleOf(const api::RoomListEntry &room)
{
    if (!room.name.isEmpty())
        return room.name;
    return room.canonicalAlias.isEmpty() ? room.roomId : room.canonicalAlias;
}
} // namespace

RoomsPanel::RoomsPanel(QWidget *parent)
    : QWidget(parent), m_joinField(new QLineEdit(this)), m_joinButton(new QPushButton(tr("Join"), this)),
      m_createButton(new QPushButton(tr("New Room…"), this)), m_list(new QListWidget(this)),
      m_status(new QLabel(this)), m_progress(new QProgressBar(this)), m_openButton(new QPushButton(tr("Open"), this)),
      m_acceptButton(new QPushButton(tr("Accept"), this)), m_leaveButton(new QPushButton(tr("Leave"), this)),
      m_settingsButton(new QPushButton(tr("Settings…"), this))
{
    m_joinField->setPlaceholderText(tr("Room ID or #alias:server"));
    m_joinField->setAccessibleName(tr("Room to join"));
    m_list->setIconSize(QSize(32, 32));
    m_list->setAccessibleName(tr("Rooms"));
    m_status->setWordWrap(true);
    m_status->setVisible(false);
    m_progress->setRange(0, 0); // busy: a join takes as long as the room's servers take
    m_progress->setMaximumHeight(m_progress->fontMetrics().height() / 2 + 2);
    m_progress->setTextVisible(false);
    m_progress->setVisible(false);

    auto *joinRow = new QHBoxLayout;
    joinRow->addWidget(m_joinField, 1);
    joinRow->addWidget(m_joinButton);
    auto *listActions = new QHBoxLayout;
    listActions->addWidget(m_createButton);
    listActions->addWidget(m_settingsButton);
    listActions->addStretch(1);
    listActions->addWidget(m_acceptButton);
    listActions->addWidget(m_leaveButton);
    listActions->addWidget(m_openButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(joinRow);
    layout->addWidget(m_list, 1);
    layout->addLayout(listActions);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);

    connect(m_joinButton, &QPushButton::clicked, this, &RoomsPanel::join);
    connect(m_joinField, &QLineEdit::returnPressed, this, &RoomsPanel::join);
    connect(m_createButton, &QPushButton::clicked, this, &RoomsPanel::createRoom);
    connect(m_openButton, &QPushButton::clicked, this, &RoomsPanel::openSelected);
    connect(m_settingsButton, &QPushButton::clicked, this, &RoomsPanel::editSettings);
    // Accepting an invite is joining the room; rejecting it is leaving (client-server-api
    // "Room membership").
    connect(m_acceptButton, &QPushButton::clicked, this, [this] {
        if (const QString room = selectedRoomId(); !room.isEmpty() && m_serverRunning && m_joining.isEmpty()) {
            setJoining(room);
            Q_EMIT joinRequested(room);
        }
    });
    connect(m_leaveButton, &QPushButton::clicked, this, [this] {
        if (!selectedRoomId().isEmpty())
            Q_EMIT leaveRequested(selectedRoomId());
    });
    connect(m_list, &QListWidget::itemActivated, this, &RoomsPanel::openSelected);
    connect(m_list, &QListWidget::currentItemChanged, this, &RoomsPanel::updateActions);
    connect(m_joinField, &QLineEdit::textChanged, this, &RoomsPanel::updateActions);
    updateActions();
}

void RoomsPanel::setRooms(const QList<api::RoomListEntry> &rooms)
{
    const QString selected = selectedRoomId();
    m_list->clear();
    m_rooms.clear();
    // Invites first (they wait for an answer), then by title: the order stays put as the
    // server lists rooms again.
    QList<api::RoomListEntry> sorted = rooms;
    std::stable_sort(sorted.begin(), sorted.end(), [](const api::RoomListEntry &a, const api::RoomListEntry &b) {
        const bool aInvite = a.membership == QLatin1String("invite");
        const bool bInvite = b.membership == QLatin1String("invite");
        if (aInvite != bInvite)
            return aInvite;
        return QString::localeAwareCompare(titleOf(a), titleOf(b)) < 0;
    });
    for (const api::RoomListEntry &room : std::as_const(sorted)) {
        const QString title = titleOf(room);
        const QString members = room.joinedMembers == 1 ? tr("1 member") : tr("%1 members").arg(room.joinedMembers);
        QString details = room.membership == QLatin1String("invite")
                              ? tr("invited · version %1").arg(room.version)
                              : tr("version %1 · %2").arg(room.version, members);
        // A room created elsewhere (joined over federation) says so.
        if (!room.local)
            details += tr(" · remote");
        if (room.unread > 0)
            details += tr(" · %1 unread").arg(room.unread);
        auto *item = new QListWidgetItem(roomAvatar(title, room.roomId, 32), title + u'\n' + details, m_list);
        item->setData(kRoomIdRole, room.roomId);
        m_rooms.insert(room.roomId, room);
        item->setData(kTitleRole, title);
        item->setData(kInviteRole, room.membership == QLatin1String("invite"));
        item->setToolTip(room.topic.isEmpty() ? room.roomId : room.roomId + u'\n' + room.topic);
        if (room.unread > 0) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
        if (room.roomId == selected)
            m_list->setCurrentItem(item);
    }
    if (!m_selectWhenListed.isEmpty())
        selectRoom(m_selectWhenListed);
    // A join on its way keeps its progress line; anything else shown there was a result.
    if (m_joining.isEmpty())
        m_status->setVisible(false);
    updateActions();
}

void RoomsPanel::showError(const QString &message)
{
    m_joining.clear();
    m_progress->setVisible(false);
    m_status->setText(message);
    m_status->setVisible(true);
    updateActions();
}

QString RoomsPanel::selectedRoomId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(kRoomIdRole).toString() : QString();
}

int RoomsPanel::roomCount() const { return m_list->count(); }

void RoomsPanel::openRow(int row)
{
    if (row < 0 || row >= m_list->count())
        return;
    m_list->setCurrentRow(row);
    openSelected();
}

void RoomsPanel::join()
{
    const QString target = m_joinField->text().trimmed();
    if (target.isEmpty() || !m_serverRunning || !m_joining.isEmpty())
        return;
    setJoining(target);
    Q_EMIT joinRequested(target);
    m_joinField->clear();
}

void RoomsPanel::setJoining(const QString &target)
{
    m_joining = target;
    m_status->setText(target.isEmpty() ? QString() : tr("Joining %1…").arg(target));
    m_status->setVisible(!target.isEmpty());
    m_progress->setVisible(!target.isEmpty());
    updateActions();
}

void RoomsPanel::setServerRunning(bool running)
{
    m_serverRunning = running;
    if (!running && !m_joining.isEmpty())
        setJoining(QString());
    updateActions();
}

void RoomsPanel::joinSucceeded(const QString &requested, const QString &roomId)
{
    if (requested.trimmed() == m_joining)
        setJoining(QString());
    m_selectWhenListed = roomId;
    selectRoom(roomId);
}

void RoomsPanel::selectRoom(const QString &roomId)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(kRoomIdRole).toString() == roomId) {
            m_list->setCurrentRow(row);
            m_selectWhenListed.clear();
            return;
        }
    }
}

void RoomsPanel::createRoom()
{
    NewRoomDialog dialog(m_defaultVersion, this);
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT createRequested(dialog.request());
}

void RoomsPanel::openSelected()
{
    if (const QListWidgetItem *item = m_list->currentItem())
        Q_EMIT openRequested(item->data(kRoomIdRole).toString(), item->data(kTitleRole).toString());
}

void RoomsPanel::editSettings()
{
    const QString roomId = selectedRoomId();
    if (roomId.isEmpty() || selectedIsInvite())
        return;
    RoomSettingsDialog dialog(m_rooms.value(roomId), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    for (const RoomSettingsDialog::StateChange &change : dialog.changes())
        Q_EMIT stateChangeRequested(roomId, change.type, change.content);
}

bool RoomsPanel::selectedIsInvite() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && item->data(kInviteRole).toBool();
}

void RoomsPanel::updateActions()
{
    const bool selected = m_list->currentItem() != nullptr;
    const bool invite = selectedIsInvite();
    m_acceptButton->setVisible(invite);
    m_leaveButton->setEnabled(selected);
    m_leaveButton->setText(invite ? tr("Reject") : tr("Leave"));
    m_openButton->setEnabled(selected && !invite); // an invite's room is not ours to read yet
    m_settingsButton->setEnabled(selected && !invite);
    // One join at a time: the field waits for the answer. Nothing to ask of a stopped server.
    const bool canJoin = m_serverRunning && m_joining.isEmpty();
    m_joinField->setEnabled(canJoin);
    m_joinButton->setEnabled(canJoin && !m_joinField->text().trimmed().isEmpty());
    m_acceptButton->setEnabled(canJoin);
    m_createButton->setEnabled(m_serverRunning);
}

} // namespace trellis::ui
