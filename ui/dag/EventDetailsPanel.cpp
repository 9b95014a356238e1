#include "ui/dag/EventDetailsPanel.h"

#include "core/auth/AuthRule.h"
#include "core/events/EventHashes.h"
#include "core/events/EventSigning.h"
#include "core/json/Base64.h"
#include "core/json/Writer.h"
#include "ui/stateres/ResolutionJob.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QLocale>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace trellis::ui::dag {

namespace {

QTableWidget *makeTable(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int column = 0; column < cells.size(); ++column)
        table->setItem(row, column, new QTableWidgetItem(cells[column]));
}

QList<auth::StateKey> sortedKeys(QList<auth::StateKey> keys)
{
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace

EventDetailsPanel::EventDetailsPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("eventDetailsPanel"));
    auto *layout = new QVBoxLayout(this);
    m_idLabel = new QLabel(tr("No event selected"), this);
    m_idLabel->setObjectName(QStringLiteral("eventIdLabel"));
    m_idLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_idLabel->setWordWrap(true);
    m_verdictLabel = new QLabel(this);
    m_verdictLabel->setObjectName(QStringLiteral("verdictLabel"));
    m_verdictLabel->setWordWrap(true);
    m_hashLabel = new QLabel(this);
    m_hashLabel->setObjectName(QStringLiteral("hashLabel"));
    m_hashLabel->setWordWrap(true);
    m_explain = new QPushButton(tr("Explain state resolution"), this);
    m_explain->setObjectName(QStringLiteral("explainStateResButton"));
    m_explain->setEnabled(false);
    connect(m_explain, &QPushButton::clicked, this, [this] {
        if (m_picked.isEmpty())
            Q_EMIT explainRequested(m_eventId);
        else
            Q_EMIT resolvePickedRequested(m_picked);
    });
    m_json = new QPlainTextEdit(this);
    m_json->setObjectName(QStringLiteral("pduJson"));
    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);

    const QStringList stateHeaders{tr("Type"), tr("State key"), tr("Event")};
    m_tabs = new QTabWidget(this);
    m_before = makeTable(stateHeaders, QStringLiteral("stateBeforeTable"), m_tabs);
    m_after = makeTable(stateHeaders, QStringLiteral("stateAfterTable"), m_tabs);
    // Its event columns are named after the picked events (setPicked).
    m_difference = makeTable({tr("Type"), tr("State key")}, QStringLiteral("stateDifferenceTable"),
                             m_tabs);
    m_tabs->addTab(m_json, tr("PDU"));
    m_tabs->addTab(m_before, tr("State before"));
    m_tabs->addTab(m_after, tr("State after"));
    m_tabs->addTab(m_difference, tr("Difference"));

    // Word-wrapped labels need their height for the panel's width: without a minimum
    // vertical policy the tabs below squeeze them into one line.
    for (QLabel *label : {m_idLabel, m_verdictLabel, m_hashLabel})
        label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    layout->addWidget(m_idLabel);
    auto *verdictRow = new QHBoxLayout;
    verdictRow->addWidget(m_verdictLabel, 1);
    verdictRow->addWidget(m_explain, 0, Qt::AlignTop);
    layout->addLayout(verdictRow);
    layout->addWidget(m_hashLabel);
    layout->addWidget(m_tabs, 1);
}

void EventDetailsPanel::setSnapshot(DagSnapshotPtr snapshot)
{
    m_snapshot = std::move(snapshot);
    if (!m_eventId.isEmpty()) {
        showPdu();
        showVerdict();
    }
    updateExplainButton();
}

void EventDetailsPanel::setEvent(const QString &eventId)
{
    m_eventId = eventId;
    m_picked.clear();
    m_idLabel->setText(eventId);
    m_before->setRowCount(0);
    m_after->setRowCount(0);
    m_difference->setRowCount(0);
    m_difference->setColumnCount(2); // type and state key; setPicked() adds the events
    showPdu();
    showVerdict();
    updateExplainButton();
}

void EventDetailsPanel::updateExplainButton()
{
    if (!m_picked.isEmpty()) {
        // Picked events: their states resolve as the prev events of one new event would.
        m_explain->setText(tr("Resolve these states"));
        m_explain->setEnabled(true);
        // Always two or more: no singular form is needed.
        m_explain->setToolTip(
            tr("Step through the resolution of the states after the %1 picked events")
                .arg(m_picked.size()));
        return;
    }
    // Only merge events have a resolved state before them (server-server-api "Room State
    // Resolution"); before the replay kept the states, an event with two prev events may be one.
    const bool merge =
        m_snapshot && !m_eventId.isEmpty() &&
        resolution::mergesStates({m_snapshot->version, m_snapshot->events, m_snapshot->replay},
                                 m_eventId);
    m_explain->setText(tr("Explain state resolution"));
    m_explain->setEnabled(merge);
    m_explain->setToolTip(merge ? tr("Step through the state resolution that gives the state "
                                     "before this event")
                                : tr("The state before this event is not a resolution of "
                                     "several states"));
}

void EventDetailsPanel::setPicked(const QStringList &eventIds)
{
    if (eventIds.size() < 2) {
        setEvent(eventIds.value(0));
        return;
    }
    setEvent(eventIds.first());
    m_picked = eventIds;
    m_idLabel->setText(eventIds.size() == 2
                           ? tr("%1 compared with %2").arg(eventIds[0], eventIds[1])
                           : tr("%1 compared with %2 other events")
                                 .arg(eventIds[0])
                                 .arg(eventIds.size() - 1));
    QStringList headers{tr("Type"), tr("State key")};
    for (const QString &id : eventIds)
        headers.append(tr("After %1").arg(id.left(10)));
    m_difference->setColumnCount(int(headers.size()));
    m_difference->setHorizontalHeaderLabels(headers);
    for (int column = 2; column < headers.size(); ++column)
        m_difference->horizontalHeaderItem(column)->setToolTip(eventIds[column - 2]);
    m_tabs->setCurrentWidget(m_difference);
    updateExplainButton();
}

void EventDetailsPanel::showPdu()
{
    const events::Pdu *pdu = m_snapshot ? m_snapshot->event(m_eventId) : nullptr;
    if (!pdu) {
        m_json->setPlainText(tr("This event is not in the dump: another event cites it as a prev "
                                "event."));
        m_hashLabel->clear();
        return;
    }
    m_json->setPlainText(QString::fromStdString(json::toIndented(json::Value(pdu->json()))));
    // origin_server_ts is the sending server's clock, shown in local time as the timeline does.
    const QString sent = QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(pdu->originServerTs()), QLocale::LongFormat);
    m_hashLabel->setText(QStringLiteral("%1\n%2\n%3")
                             .arg(tr("Sent %1 (the sender's clock)").arg(sent),
                                  contentHashCheck(*pdu), signatureCheck(*pdu)));
}

void EventDetailsPanel::setServerKeys(std::shared_ptr<const crypto::KeyRing> keys)
{
    m_keys = std::move(keys);
    if (!m_eventId.isEmpty())
        showPdu();
}

QString EventDetailsPanel::signatureCheck(const events::Pdu &pdu) const
{
    if (!m_keys || !m_snapshot || !m_snapshot->version) {
        // A dump carries no server keys (`trellis-cli event verify` checks with key files).
        QStringList signers;
        for (const auto &[server, signatures] : pdu.json()["signatures"].toObject())
            signers.append(QString::fromStdString(std::string(server)));
        return tr("Signed by: %1 (not verified: no server keys)")
            .arg(signers.isEmpty() ? tr("nobody") : signers.join(u", "));
    }
    // server-server-api "Validating hashes and signatures on received events": the servers
    // that must have signed, each with its verdict.
    const events::EventCheck check = events::verifyEvent(pdu.json(), *m_snapshot->version, *m_keys);
    QStringList parts;
    for (const events::SignerCheck &signer : check.signers) {
        QString verdict;
        switch (signer.check.status) {
        case crypto::SignatureStatus::Valid:
            verdict = tr("valid");
            break;
        case crypto::SignatureStatus::NotSigned:
            verdict = tr("missing");
            break;
        case crypto::SignatureStatus::NoKnownKey:
            verdict = tr("not verified (no key known)");
            break;
        case crypto::SignatureStatus::Invalid:
            verdict = tr("invalid: %1").arg(signer.check.detail);
            break;
        }
        parts.append(tr("%1 (%2) %3").arg(signer.server, signer.why, verdict));
    }
    return tr("Signatures: %1").arg(parts.isEmpty() ? check.detail : parts.join(QStringLiteral("; ")));
}

QString EventDetailsPanel::contentHashCheck(const events::Pdu &pdu)
{
    // server-server-api "Checks performed on receipt of a PDU", step 5: a content hash that
    // does not match means the event is redacted before it is used.
    const std::string *claimed = pdu.json()["hashes"].toObject()["sha256"].asString();
    if (!claimed)
        return tr("Content hash: missing (receiving servers would redact the event)");
    const crypto::Sha256Digest digest = events::contentHash(pdu.json());
    const std::string computed = base64::encodeToString(crypto::digestView(digest));
    if (computed == *claimed)
        return tr("Content hash: %1 (matches the content)").arg(QString::fromStdString(computed));
    return tr("Content hash: %1 does not match the content (%2): receiving servers would redact "
              "the event")
        .arg(QString::fromStdString(*claimed), QString::fromStdString(computed));
}

void EventDetailsPanel::showVerdict()
{
    const events::Pdu *pdu = m_snapshot ? m_snapshot->event(m_eventId) : nullptr;
    if (!pdu) {
        m_verdictLabel->setText(tr("Missing event"));
        return;
    }
    if (!m_snapshot->replayError.isEmpty()) {
        m_verdictLabel->setText(tr("The replay failed: %1").arg(m_snapshot->replayError));
        return;
    }
    const room::RoomReplay *replay = m_snapshot->replay.get();
    const room::EventOutcome *outcome = replay ? replay->outcome(pdu->eventId()) : nullptr;
    if (!outcome) {
        m_verdictLabel->setText(tr("Checking the room…"));
        return;
    }
    if (outcome->rejection == stateres::Rejection::None) {
        m_verdictLabel->setText(tr("Accepted"));
        return;
    }
    const auth::AuthRule rule = outcome->verdict.failedRule;
    const QString against = outcome->rejection == stateres::Rejection::AuthEvents
                                ? tr("its auth events")
                                : tr("the state before it");
    m_verdictLabel->setText(tr("Rejected against %1 by rule %2 (%3): %4")
                                .arg(against, auth::ruleNumber(rule, *m_snapshot->version),
                                     auth::ruleName(rule), outcome->verdict.reason));
}

void EventDetailsPanel::setStates(const EventStates &states)
{
    if (!states.eventIds.contains(m_eventId))
        return;
    if (!states.error.isEmpty()) {
        m_verdictLabel->setText(tr("The states could not be computed: %1").arg(states.error));
        return;
    }
    fillState(m_before, states.before.value(m_eventId));
    fillState(m_after, states.after.value(m_eventId));
    QList<stateres::StateSet> picked;
    for (const QString &id : std::as_const(m_picked)) {
        if (!states.after.contains(id)) {
            // A missing event (another cites it, the dump lacks it) has no state to compare.
            m_verdictLabel->setText(tr("%1 is not in the dump: there is no state after it to "
                                       "compare")
                                        .arg(id));
            return;
        }
        picked.append(states.after.value(id));
    }
    if (!picked.isEmpty())
        fillDifference(picked);
}

void EventDetailsPanel::fillState(QTableWidget *table, const stateres::StateSet &state)
{
    const QList<auth::StateKey> keys = sortedKeys(state.keys());
    table->setRowCount(int(keys.size()));
    for (int row = 0; row < keys.size(); ++row) {
        const auth::StateKey &key = keys[row];
        setRow(table, row, {key.type, key.stateKey, state.value(key).toString()});
    }
}

void EventDetailsPanel::fillDifference(const QList<stateres::StateSet> &states)
{
    QSet<auth::StateKey> keySet;
    for (const stateres::StateSet &state : states) {
        for (auto it = state.cbegin(); it != state.cend(); ++it)
            keySet.insert(it.key());
    }
    m_difference->setRowCount(0);
    for (const auth::StateKey &key : sortedKeys(QList<auth::StateKey>(keySet.begin(), keySet.end()))) {
        QStringList cells{key.type, key.stateKey};
        bool differs = false;
        for (const stateres::StateSet &state : states) {
            cells.append(state.value(key).toString());
            differs = differs || cells.last() != cells[2];
        }
        if (!differs)
            continue;
        const int row = m_difference->rowCount();
        m_difference->insertRow(row);
        setRow(m_difference, row, cells);
    }
}

} // namespace trellis::ui::dag
