namespace BorderSecurity.Domain.Changes;

/// <summary>
/// What kind of change an event is, for "what did we learn between two instants" (<see cref="Storage.IBorderSecurityQueries.ChangesAsync"/>).
/// Each event type has one kind (<see cref="ChangeClassification.Of"/>); whether it is a back-fill (a fact whose valid date
/// is before the window) is said apart, by <see cref="Change.IsBackfill"/>, because any kind of change can be one.
/// </summary>
public enum ChangeKind
{
    /// <summary>A new commitment, recruitment target, bill, Act or command.</summary>
    New = 0,

    /// <summary>Something already known announced again: a source more, nothing counted twice.</summary>
    Reannouncement = 1,

    /// <summary>A figure revised from a date on (the earlier value stood until then).</summary>
    Revision = 2,

    /// <summary>A figure or period corrected from its original date (the earlier value was wrong).</summary>
    Correction = 3,

    /// <summary>A commitment withdrawn or a target abandoned.</summary>
    Withdrawal = 4,

    /// <summary>A change of what an amount or a pledge covers: its period revised, part of it allocated to a capability, or something linked to a pledge as what delivers it.</summary>
    CoverageChange = 5,

    /// <summary>A bill's stage (introduced, a stage completed, carried over, ended), Royal Assent, commencement or repeal.</summary>
    StageOrCommencement = 6,

    /// <summary>Powers conferred on a command by legislation.</summary>
    PowersConferred = 7,

    /// <summary>A dispute between sources recorded.</summary>
    DisputeOpened = 8,

    /// <summary>A dispute resolved.</summary>
    DisputeResolved = 9,

    /// <summary>A command's make-up: a leader appointed, an agency joining or leaving, a unit created, an agreement joined.</summary>
    CommandChange = 10,

    /// <summary>Recruitment progress: people in post recorded, or a target met.</summary>
    Progress = 11,

    /// <summary>An assessor's verdict on a pledge.</summary>
    Verdict = 12,

    /// <summary>Spending reported against a commitment: planned or outturn, for one financial year.</summary>
    Spending = 13,
}
