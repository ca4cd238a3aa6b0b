using BorderSecurity.Domain.Commands;

namespace BorderSecurity.Domain.Projections;

/// <summary>The parts of every answer that do not depend on how positions were found.</summary>
internal static class Composition
{
    public static CommandOverview? Overview(Command? command, AsOfQuery query, FundingPortfolio funding, RecruitmentSummary recruitment) =>
        command is null ? null : new CommandOverview(query, command, funding.For(command.Name), recruitment.For(command.Name));

    public static int CompareValidThenRecorded(RecordedEvent a, RecordedEvent b) =>
        a.ValidOn != b.ValidOn ? a.ValidOn.CompareTo(b.ValidOn) : a.Sequence.CompareTo(b.Sequence);
}
