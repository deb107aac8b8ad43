/// Paging in low-bandwidth mode: what is loaded follows the view, never more than one page
/// beyond the rows the cursor can bring on screen.
extension AppModel {
    /// List rows the screen shows (the terminal's rows less the header, the column titles and
    /// the two bottom lines); 20 until the terminal reports its size.
    var listViewRows: Int { max(1, (screenSize?.rows ?? 24) - 4) }

    /// Rows the list should hold in low-bandwidth mode: through the last row the view can show
    /// with the cursor where it is (cursor + view rows), plus one page ahead.
    var lowBandwidthRowsWanted: Int { list.cursor + listViewRows + ListModel.pageSize }

    /// Fewer rows are at hand than `lowBandwidthRowsWanted`. While a search is typed the rows
    /// loaded count (the server's search brings its matches), so a narrow search does not
    /// page through everything to fill the view.
    var lowBandwidthShortOfRows: Bool {
        let have = list.filter.search.isEmpty ? list.count : list.loadedCount
        return have < lowBandwidthRowsWanted
    }
}
