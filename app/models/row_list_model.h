// A list model base that updates its rows from a new snapshot with minimal row signals.
#pragma once

#include <QAbstractListModel>
#include <QRectF>
#include <string>
#include <unordered_map>
#include <vector>

namespace skydraft {

/// Holds rows of type Row (which has `std::string key` and operator==) and replaces them with
/// a new snapshot by removing, inserting and changing only the rows that differ, so that views
/// keep their delegates (a move re-creates nothing; a drop creates one delegate).
///
/// It also culls for the canvas: given the canvas area a view shows, a row is "in view" when
/// its box (boundsOf) meets that area; changing the area signals only the rows that enter or
/// leave it, so that a pan re-evaluates a handful of delegates instead of all of them.
template <typename Row>
class RowListModel : public QAbstractListModel {
public:
    using QAbstractListModel::QAbstractListModel;

    /// The canvas area the view shows; a null rect (the default) puts every row in view.
    const QRectF& viewport() const { return m_viewport; }
    /// Whether the row's box meets the viewport (always true without a viewport).
    bool inView(const Row& row) const {
        if (m_viewport.isNull()) {
            return true;
        }
        const QRectF box = boundsOf(row);
        return box.isNull() || box.intersects(m_viewport);
    }

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    const std::vector<Row>& rows() const { return m_rows; }

protected:
    /// The canvas box of a row for culling; a null rect (the default) keeps it always in view.
    virtual QRectF boundsOf(const Row&) const { return {}; }

    /// Sets the viewport and emits one dataChanged(role) spanning the rows whose inView flips
    /// (views walk all their delegates once per signal, so one span beats many small ones;
    /// the rows in between get the value they already had, which changes nothing).
    void updateViewport(const QRectF& area, int role) {
        if (area == m_viewport) {
            return;
        }
        std::vector<char> before(m_rows.size());
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            before[i] = inView(m_rows[i]);
        }
        m_viewport = area;
        long first = -1;
        long last = -1;
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            if (before[i] != static_cast<char>(inView(m_rows[i]))) {
                first = first < 0 ? static_cast<long>(i) : first;
                last = static_cast<long>(i);
            }
        }
        if (first >= 0) {
            emit dataChanged(index(static_cast<int>(first)), index(static_cast<int>(last)), {role});
        }
    }

    const Row* rowAt(const QModelIndex& index) const {
        if (!index.isValid() || index.row() < 0 || index.row() >= rowCount()) {
            return nullptr;
        }
        return &m_rows[static_cast<std::size_t>(index.row())];
    }

    /// Replaces every row at once (used when a whole document is opened).
    void resetRows(std::vector<Row> rows) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }

    /// Replaces the rows with `next`, emitting remove/insert/dataChanged for the differences.
    void syncRows(std::vector<Row> next) {
        std::unordered_map<std::string, std::size_t> position;
        position.reserve(next.size());
        for (std::size_t j = 0; j < next.size(); ++j) {
            position.emplace(next[j].key, j);
        }
        // Keep the old rows that appear in `next` in increasing order; remove the others.
        std::vector<char> keep(m_rows.size(), 0);
        long last = -1;
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            const auto it = position.find(m_rows[i].key);
            if (it != position.end() && static_cast<long>(it->second) > last) {
                keep[i] = 1;
                last = static_cast<long>(it->second);
            }
        }
        for (std::size_t end = m_rows.size(); end > 0;) {
            if (keep[end - 1]) {
                --end;
                continue;
            }
            std::size_t begin = end - 1;
            while (begin > 0 && !keep[begin - 1]) {
                --begin;
            }
            beginRemoveRows({}, static_cast<int>(begin), static_cast<int>(end - 1));
            m_rows.erase(m_rows.begin() + static_cast<long>(begin),
                         m_rows.begin() + static_cast<long>(end));
            endRemoveRows();
            end = begin;
        }
        // Walk `next`: update kept rows in place, insert runs of new rows.
        std::vector<std::pair<int, int>> changed;
        std::size_t k = 0;
        for (std::size_t j = 0; j < next.size();) {
            if (k < m_rows.size() && m_rows[k].key == next[j].key) {
                if (!(m_rows[k] == next[j])) {
                    m_rows[k] = std::move(next[j]);
                    const int row = static_cast<int>(k);
                    if (!changed.empty() && changed.back().second == row - 1) {
                        changed.back().second = row;
                    } else {
                        changed.emplace_back(row, row);
                    }
                }
                ++k;
                ++j;
                continue;
            }
            std::size_t run = j;
            while (run < next.size() && (k >= m_rows.size() || m_rows[k].key != next[run].key)) {
                ++run;
            }
            beginInsertRows({}, static_cast<int>(k), static_cast<int>(k + (run - j) - 1));
            m_rows.insert(m_rows.begin() + static_cast<long>(k),
                          std::make_move_iterator(next.begin() + static_cast<long>(j)),
                          std::make_move_iterator(next.begin() + static_cast<long>(run)));
            endInsertRows();
            k += run - j;
            j = run;
        }
        for (const auto& [first, lastRow] : changed) {
            emit dataChanged(index(first), index(lastRow));
        }
    }

private:
    std::vector<Row> m_rows;
    QRectF m_viewport;
};

}  // namespace skydraft
