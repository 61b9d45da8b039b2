import XCTest
final class PlaceholderTaroServerTests: XCTestCase { func testBuilds() {} }
