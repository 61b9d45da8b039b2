/// Why an end-to-end step gave up, with the screen it last saw.
struct EndToEndFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
