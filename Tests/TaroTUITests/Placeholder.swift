import XCTest
final class PlaceholderTaroTUITests: XCTestCase { func testBuilds() {} }
