import TaroNet

/// Keeping the selection on the same transfer while the list changes under it,
/// and keeping it on screen. Every step is O(log n): nothing here walks the list.
extension AppState {
    /// Re-finds the selected transfer by id after the list changed. When it is
    /// gone (removed), the transfer that followed it is selected instead.
    public mutating func reconcile(with items: TransferRows) {
        reconcile(with: ShownRows(items))
    }

    public mutating func reconcile(with items: ShownRows) {
        guard !items.isEmpty else {
            selectedID = nil
            selectedIndex = 0
            listScroll = 0
            return
        }
        if let id = selectedID {
            if selectedIndex < items.count && items[selectedIndex].id == id {
                // Still where it was: the common case.
            } else if let index = items.position(of: id) {
                selectedIndex = index
            } else {
                // Where it stood, counted in the new list: rows removed above
                // it moved its successor up with it.
                let stood = items.positionAfterRemoval(of: id) ?? selectedIndex
                selectedIndex = min(max(0, stood), items.count - 1)
                selectedID = items[selectedIndex].id
                paneScroll = 0
            }
        } else {
            selectedIndex = min(max(0, selectedIndex), items.count - 1)
            selectedID = items[selectedIndex].id
        }
        keepSelectionVisible(count: items.count)
    }

    /// Moves the selection to `index` (clamped) and scrolls it into view.
    mutating func select(index: Int, in items: TransferRows) {
        select(index: index, in: ShownRows(items))
    }

    mutating func select(index: Int, in items: ShownRows) {
        guard !items.isEmpty else { return }
        let clamped = min(max(0, index), items.count - 1)
        let id = items[clamped].id
        if clamped != selectedIndex || selectedID != id { paneScroll = 0 }
        selectedIndex = clamped
        selectedID = id
        keepSelectionVisible(count: items.count)
    }

    mutating func keepSelectionVisible(count: Int) {
        let height = layout.listRows.count
        guard height > 0 else { return }
        if selectedIndex < listScroll { listScroll = selectedIndex }
        if selectedIndex >= listScroll + height { listScroll = selectedIndex - height + 1 }
        listScroll = min(max(0, listScroll), max(0, count - height))
    }

    func selectedItem(in items: TransferRows) -> TransferSnapshot? {
        selectedItem(in: ShownRows(items))
    }

    func selectedItem(in items: ShownRows) -> TransferSnapshot? {
        guard let id = selectedID, selectedIndex < items.count else { return nil }
        let item = items[selectedIndex]
        return item.id == id ? item : nil
    }
}
