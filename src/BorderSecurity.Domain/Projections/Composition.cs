using BorderSecurity.Domain.Commands;

namespace BorderSecurity.Domain.Projections;

/// <summary>The parts of every answer that do not depend on how positions were found.</summary>
internal static class Composition
{
    public static CommandOverview? Overview(Command? command, AsOfQuery query, FundingPortfolio funding, RecruitmentSummary recruitment) =>
        command is null ? null : new CommandOverview(query, command, funding.For(command.Name), recruitment.For(command.Name));

    /// <summary>Evaluates a value at each candidate date and keeps the dates where it changes (leading values equal to <paramref name="zero"/> dropped).</summary>
    public static IReadOnlyList<SeriesPoint<T>> Series<T>(IEnumerable<LocalDate> dates, Func<LocalDate, T> valueAt, T zero)
    {
        var points = new List<SeriesPoint<T>>();
        var previous = zero;
        foreach (var date in dates.Distinct().Order())
        {
            var value = valueAt(date);
            if (!EqualityComparer<T>.Default.Equals(value, previous))
            {
                points.Add(new SeriesPoint<T>(date, value));
                previous = value;
            }
        }

        return points;
    }

    public static int CompareValidThenRecorded(RecordedEvent a, RecordedEvent b) =>
        a.ValidOn != b.ValidOn ? a.ValidOn.CompareTo(b.ValidOn) : a.Sequence.CompareTo(b.Sequence);
}
