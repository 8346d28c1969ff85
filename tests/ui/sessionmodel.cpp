// SessionModel on its own: the snapshot, incremental batches that overlap it, removals as
// runs of rows or, scattered, as one reset; rows always newest first.

#include "ui/models/sessionmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

SessionInfo session(int n)
{
    SessionInfo info;
    info.id = QStringLiteral("s%1").arg(n);
    info.username = QStringLiteral("user%1").arg(n % 3);
    info.createdAtMs = n;
    return info;
}

// Sessions first..last, newest first (as the server sends a snapshot).
QList<SessionInfo> newestFirst(int first, int last)
{
    QList<SessionInfo> list;
    for (int n = last; n >= first; --n)
        list.append(session(n));
    return list;
}

QList<SessionInfo> oldestFirst(int first, int last)
{
    QList<SessionInfo> list;
    for (int n = first; n <= last; ++n)
        list.append(session(n));
    return list;
}

QStringList shownIds(const SessionModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(SessionModel::IdRole).toString());
    return ids;
}

QStringList ids(std::initializer_list<int> numbers)
{
    QStringList list;
    for (const int n : numbers)
        list.append(QStringLiteral("s%1").arg(n));
    return list;
}

} // namespace

class SessionModelTest : public QObject
{
    Q_OBJECT

private slots:
    void ignoresChangesBeforeTheSnapshot();
    void addsNewestOnTopAndSkipsKnownOnes();
    void removes_data();
    void removes();
    void rowOfFollowsRemovals();
};

void SessionModelTest::ignoresChangesBeforeTheSnapshot()
{
    SessionModel model;
    QAbstractItemModelTester tester(&model);
    model.add(oldestFirst(1, 2));
    model.remove(ids({1}));
    QCOMPARE(model.rowCount(), 0);
    model.reset(newestFirst(1, 3));
    QVERIFY(model.isLoaded());
    QCOMPARE(shownIds(model), ids({3, 2, 1}));
}

void SessionModelTest::addsNewestOnTopAndSkipsKnownOnes()
{
    SessionModel model;
    QAbstractItemModelTester tester(&model);
    model.reset(newestFirst(1, 3));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.add(oldestFirst(3, 5)); // 3 was in the snapshot already
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 1);
    QCOMPARE(shownIds(model), ids({5, 4, 3, 2, 1}));
    QCOMPARE(model.index(0, SessionModel::User).data().toString(), QStringLiteral("user2"));
}

void SessionModelTest::removes_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("removed");
    QTest::addColumn<int>("removeSignals");
    QTest::addColumn<int>("resets");
    QTest::newRow("one") << 10 << ids({4}) << 1 << 0;
    QTest::newRow("a run") << 10 << ids({4, 5, 6}) << 1 << 0;
    QTest::newRow("two runs and an unknown id") << 10 << ids({2, 3, 7, 99}) << 2 << 0;
    QStringList scattered;
    for (int n = 1; n <= 400; n += 3)
        scattered.append(QStringLiteral("s%1").arg(n));
    QTest::newRow("scattered: one reset") << 400 << scattered << 0 << 1;
}

void SessionModelTest::removes()
{
    QFETCH(int, count);
    QFETCH(QStringList, removed);
    QFETCH(int, removeSignals);
    QFETCH(int, resets);
    SessionModel model;
    QAbstractItemModelTester tester(&model);
    model.reset(newestFirst(1, count));
    QSignalSpy removedRows(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.remove(removed);
    QCOMPARE(removedRows.size(), removeSignals);
    QCOMPARE(reset.size(), resets);
    QStringList expected;
    for (int n = count; n >= 1; --n) {
        if (!removed.contains(QStringLiteral("s%1").arg(n)))
            expected.append(QStringLiteral("s%1").arg(n));
    }
    QCOMPARE(shownIds(model), expected);
}

void SessionModelTest::rowOfFollowsRemovals()
{
    SessionModel model;
    model.reset(newestFirst(1, 10));
    model.remove(ids({9, 5}));
    model.add(oldestFirst(11, 11));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(model.at(row).id), row);
    QCOMPARE(model.rowOf(QStringLiteral("s5")), -1);
}

QTEST_MAIN(SessionModelTest)
#include "sessionmodel.moc"
