import XCTest
final class PlaceholderTaroNetTests: XCTestCase { func testBuilds() {} }
