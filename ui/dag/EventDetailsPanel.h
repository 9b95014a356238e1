#pragma once
#include "ui/dag/DagSnapshot.h"
#include "ui/dag/EventStates.h"

#include "core/crypto/KeyRing.h"

#include <memory>

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace trellis::ui::dag {

/// The details of the DAG view's selection: the selected event's PDU (indented JSON), its
/// hashes, its replay verdict (the rule that rejected it), and the states before and after
/// it; for events picked together, how the states after them differ. For a merge event (its
/// state before resolves several states) it offers to explain that resolution step by step,
/// and for picked events to resolve their states.
class EventDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit EventDetailsPanel(QWidget *parent = nullptr);

    void setSnapshot(DagSnapshotPtr snapshot);
    /// Shows one event (clears the pair).
    void setEvent(const QString &eventId);
    /// Shows the first of several picked events and how the states after them differ.
    void setPicked(const QStringList &eventIds);
    /// Server keys to check signatures with (a live room: its own server's); without them,
    /// signatures are listed unchecked (a room dump carries no keys).
    void setServerKeys(std::shared_ptr<const crypto::KeyRing> keys);
    /// The states the document computed; ignored unless they are for the events shown.
    void setStates(const EventStates &states);

    QString eventId() const { return m_eventId; }
    QStringList pickedEvents() const { return m_picked; }

Q_SIGNALS:
    /// "Explain state resolution": the user asks why the state before this event is what it is.
    void explainRequested(const QString &eventId);
    /// "Resolve these states": how the states after the picked events resolve.
    void resolvePickedRequested(const QStringList &eventIds);

private:
    void showPdu();
    void showVerdict();
    /// Whether the event's content hash is the hash of its content, in words.
    static QString contentHashCheck(const events::Pdu &pdu);
    /// Each server that must have signed the event, and whether its signature checks out.
    QString signatureCheck(const events::Pdu &pdu) const;
    void updateExplainButton();
    void fillState(QTableWidget *table, const stateres::StateSet &state);
    void fillDifference(const QList<stateres::StateSet> &states);

    DagSnapshotPtr m_snapshot;
    std::shared_ptr<const crypto::KeyRing> m_keys;
    QString m_eventId;
    QStringList m_picked; ///< two or more events compared; empty for one event
    QLabel *m_idLabel;
    QLabel *m_verdictLabel;
    QLabel *m_hashLabel;
    QPushButton *m_explain;
    QPlainTextEdit *m_json;
    QTabWidget *m_tabs;
    QTableWidget *m_before;
    QTableWidget *m_after;
    QTableWidget *m_difference;
};

} // namespace trellis::ui::dag
