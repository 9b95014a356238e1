#pragma once
#include "core/api/RoomSnapshots.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace trellis::ui {

/// Asks for a new room: its name, its room version (every version the server supports, its
/// default chosen: an explorer of state resolution wants rooms of older versions too) and
/// whether anyone may join it (client-server-api "POST /createRoom": preset public_chat or
/// private_chat).
class NewRoomDialog : public QDialog
{
    Q_OBJECT
public:
    /// `defaultVersion` is the server's ("12" unless its configuration says otherwise).
    explicit NewRoomDialog(const QString &defaultVersion, QWidget *parent = nullptr);

    trellis::api::NewRoom request() const;

    QLineEdit *nameField() const { return m_name; }
    QComboBox *versionField() const { return m_version; }
    QCheckBox *publicField() const { return m_public; }

private:
    QLineEdit *m_name;
    QComboBox *m_version;
    QCheckBox *m_public;
};

} // namespace trellis::ui
