/// A claim of who holds a place: "l'EIIL contrôle désormais la totalité de la ville de Raqqa", "après avoir
/// repris la ville d'al-Bab".
public struct ControlClaim: Sendable {
    public var actor: String?
    public var placeID: String?
    public var placeText: String
    public var status: ControlStatus
    public var date: ReportDay?
    public var dateSource: DateSource
    /// Code-point span of the sentence the claim was read from.
    public var evidence: Range<Int>
    /// The incident of the fighting in which the place was taken ("E3"), when the report tells it.
    public var incident: String?

    public init(actor: String?, placeID: String?, placeText: String, status: ControlStatus, date: ReportDay?,
                dateSource: DateSource, evidence: Range<Int>) {
        self.actor = actor; self.placeID = placeID; self.placeText = placeText; self.status = status
        self.date = date; self.dateSource = dateSource; self.evidence = evidence
    }
}
