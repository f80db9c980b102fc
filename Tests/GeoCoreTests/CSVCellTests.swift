import Testing
import GeoCore

@Suite struct CSVCellTests {
    @Test func formulasAreNeutralisedNumbersAreNot() {
        #expect(CSVCell.field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(CSVCell.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVCell.field("+cmd") == "'+cmd" && CSVCell.field("-x") == "'-x" && CSVCell.field("\tx") == "'\tx")
        #expect(CSVCell.field("\rx") == "\"'\rx\"")
        #expect(CSVCell.field("-33.9") == "-33.9" && CSVCell.field("+5") == "+5")
        #expect(CSVCell.field("Raqqa, Syria") == "\"Raqqa, Syria\"" && CSVCell.field("") == "")
        #expect(CSVCell.field("=1+1", raw: true) == "=1+1")
    }

    @Test func tableCellsShowControlCharactersAsEscapes() {
        let cell = TextTable.printable("a\u{1B}[31mred\nnext\tcol\u{9B}")
        #expect(!cell.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(cell == "a\\u{1b}[31mred\\nnext\\tcol\\u{9b}")
        let table = TextTable.columns(header: ["id", "location"], rows: [["1", "two\nlines"]])
        #expect(table.split(separator: "\n").count == 2)
        #expect(TextTable.printable("Raqqa") == "Raqqa")
    }
}
