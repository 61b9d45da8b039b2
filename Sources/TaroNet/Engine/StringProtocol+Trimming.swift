import Foundation

extension StringProtocol {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let f = slice.first, f == " " || f == "\t" { slice.removeFirst() }
        while let l = slice.last, l == " " || l == "\t" { slice.removeLast() }
        return String(slice)
    }
}
