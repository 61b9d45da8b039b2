import TaroNet

/// Keeping the selection on the same transfer while the list changes under it,
/// and keeping it on screen.
extension AppState {
    /// Re-finds the selected transfer by id after the list changed. When it is
    /// gone (removed), the transfer now at its position is selected instead.
    public mutating func reconcile(with items: [TransferSnapshot]) {
        guard !items.isEmpty else {
            selectedID = nil
            selectedIndex = 0
            listScroll = 0
            return
        }
        if let id = selectedID {
            if selectedIndex < items.count && items[selectedIndex].id == id {
                // Still where it was: the common case, checked in O(1).
            } else if let index = items.firstIndex(where: { $0.id == id }) {
                selectedIndex = index
            } else {
                selectedIndex = min(max(0, selectedIndex), items.count - 1)
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
    mutating func select(index: Int, in items: [TransferSnapshot]) {
        guard !items.isEmpty else { return }
        let clamped = min(max(0, index), items.count - 1)
        if clamped != selectedIndex || selectedID != items[clamped].id { paneScroll = 0 }
        selectedIndex = clamped
        selectedID = items[clamped].id
        keepSelectionVisible(count: items.count)
    }

    mutating func keepSelectionVisible(count: Int) {
        let height = layout.listRows.count
        guard height > 0 else { return }
        if selectedIndex < listScroll { listScroll = selectedIndex }
        if selectedIndex >= listScroll + height { listScroll = selectedIndex - height + 1 }
        listScroll = min(max(0, listScroll), max(0, count - height))
    }

    func selectedItem(in items: [TransferSnapshot]) -> TransferSnapshot? {
        guard let id = selectedID, selectedIndex < items.count, items[selectedIndex].id == id else { return nil }
        return items[selectedIndex]
    }
}
