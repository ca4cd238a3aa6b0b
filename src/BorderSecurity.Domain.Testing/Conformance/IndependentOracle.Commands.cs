using BorderSecurity.Domain.Commands;

namespace BorderSecurity.Domain.Conformance;

public static partial class IndependentOracle
{
    /// <summary>A command's leader, as the oracle sees it.</summary>
    /// <param name="Name">The leader's name.</param>
    /// <param name="PostTitle">The post.</param>
    /// <param name="Honours">Honours, or null.</param>
    /// <param name="AppointedOn">The appointment's valid date.</param>
    public sealed record Leader(string Name, string PostTitle, string? Honours, LocalDate AppointedOn);

    /// <summary>A named feature of a command (a unit, powers under an Act, an agreement), as the oracle sees it.</summary>
    /// <param name="Name">The unit, the Act's legislation id, or the agreement.</param>
    /// <param name="Detail">The unit's purpose or the powers; null for an agreement.</param>
    /// <param name="On">The valid date it was stated on.</param>
    public sealed record Feature(string Name, string? Detail, LocalDate On);

    /// <summary>An agency's last stated membership of a command.</summary>
    /// <param name="Agency">The agency.</param>
    /// <param name="IsCoordinated">Whether it is coordinated by the command (joined and not since left).</param>
    /// <param name="StatedOn">The valid date of the statement.</param>
    public sealed record Membership(string Agency, bool IsCoordinated, LocalDate StatedOn);

    /// <summary>A command overview as the oracle sees it: the command, and the funding and recruitment under its name.</summary>
    /// <param name="Id">The command id.</param>
    /// <param name="Name">Its name.</param>
    /// <param name="ParentDepartment">Its parent department.</param>
    /// <param name="EstablishedOn">When it was established.</param>
    /// <param name="Leader">Its leader from the latest appointment that counts, or null.</param>
    /// <param name="Agencies">Each agency's last stated membership, by agency (ordinal).</param>
    /// <param name="Units">Its units by name (ordinal).</param>
    /// <param name="Powers">Its powers by legislation id (ordinal).</param>
    /// <param name="Agreements">Its international agreements by name (ordinal).</param>
    /// <param name="Sources">Each source once, in the order first cited.</param>
    /// <param name="Funding">The sums of the commitments whose recipient is the command's name.</param>
    /// <param name="CommitmentIds">Those commitments, in id order.</param>
    /// <param name="Target">The headcount of the targets whose organisation is the command's name.</param>
    /// <param name="InPost">Their people in post.</param>
    /// <param name="Gap">The sum of each target's shortfall (never negative per target).</param>
    /// <param name="TargetIds">Those targets, in id order.</param>
    public sealed record CommandView(
        string Id, string Name, string ParentDepartment, LocalDate EstablishedOn, Leader? Leader, IReadOnlyList<Membership> Agencies,
        IReadOnlyList<Feature> Units, IReadOnlyList<Feature> Powers, IReadOnlyList<Feature> Agreements, IReadOnlyList<string> Sources,
        Sums Funding, IReadOnlyList<string> CommitmentIds, int Target, int InPost, int Gap, IReadOnlyList<string> TargetIds);

    /// <summary>
    /// A command's overview as of the question, or null when it is not established by then. From docs/events.md: the
    /// latest appointment (by valid date) names the leader; an agency's latest join or leave (by valid date) says whether
    /// it is coordinated; units, powers and agreements are each the last statement of their name.
    /// </summary>
    /// <param name="log">The store's log, in any order.</param>
    /// <param name="commandId">The command's stream id.</param>
    /// <param name="asOf">The valid date.</param>
    /// <param name="knownAt">The known-at instant, or null.</param>
    /// <param name="recordedBy">The recorded-by instant, or null.</param>
    /// <returns>The overview, or null.</returns>
    public static CommandView? Command(IReadOnlyList<RecordedEvent> log, string commandId, LocalDate asOf, Instant? knownAt = null, Instant? recordedBy = null)
    {
        var stream = CountingStreams(log.Where(e => e.StreamId == commandId), asOf, knownAt, recordedBy).SingleOrDefault() ?? [];
        var established = stream.Select(e => e.Data).OfType<CommandEstablished>().FirstOrDefault();
        if (established is null)
        {
            return null;
        }

        Leader? leader = null;
        var agencies = new SortedDictionary<string, Membership>(StringComparer.Ordinal);
        var units = new SortedDictionary<string, Feature>(StringComparer.Ordinal);
        var powers = new SortedDictionary<string, Feature>(StringComparer.Ordinal);
        var agreements = new SortedDictionary<string, Feature>(StringComparer.Ordinal);
        foreach (var e in stream)
        {
            switch (e.Data)
            {
                case CommandLeaderAppointed a:
                    leader = new Leader(a.LeaderName, a.PostTitle, a.Honours, a.ValidOn);
                    break;
                case AgencyJoinedCommand j:
                    agencies[j.Agency] = new Membership(j.Agency, true, j.ValidOn);
                    break;
                case AgencyLeftCommand l:
                    agencies[l.Agency] = new Membership(l.Agency, false, l.ValidOn);
                    break;
                case CommandUnitCreated u:
                    units[u.UnitName] = new Feature(u.UnitName, u.Purpose, u.ValidOn);
                    break;
                case CommandPowersConferred p:
                    powers[p.LegislationId] = new Feature(p.LegislationId, p.Powers, p.ValidOn);
                    break;
                case InternationalAgreementJoined g:
                    agreements[g.Agreement] = new Feature(g.Agreement, null, g.ValidOn);
                    break;
            }
        }

        var commitments = Commitments(log, asOf, knownAt, recordedBy).Where(c => c.Recipient == established.Name).ToList();
        var targets = Targets(log, asOf, knownAt, recordedBy).Where(t => t.Organisation == established.Name).ToList();
        return new CommandView(commandId, established.Name, established.ParentDepartment, established.ValidOn, leader, [.. agencies.Values],
            [.. units.Values], [.. powers.Values], [.. agreements.Values], SourcesOf(stream), Sum(commitments), [.. commitments.Select(c => c.Id)],
            targets.Sum(t => t.Headcount), targets.Sum(t => t.InPost), targets.Sum(t => Math.Max(0, t.Headcount - t.InPost)), [.. targets.Select(t => t.Id)]);
    }
}
