using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Shared;

/// <summary>Every request type of the model, by its name: the fixed list that timeline files and APIs may name.</summary>
public static class RequestCatalogue
{
    private static readonly Dictionary<string, Type> ByName = new Type[]
    {
        typeof(EstablishCommand), typeof(AppointCommandLeader), typeof(JoinAgencyToCommand), typeof(RemoveAgencyFromCommand),
        typeof(CreateCommandUnit), typeof(ConferCommandPowers), typeof(JoinInternationalAgreement),
        typeof(PledgeFunding), typeof(RedirectFunding), typeof(AllocateFunding), typeof(ReviseFunding), typeof(CorrectFundingAmount),
        typeof(WithdrawFunding), typeof(ReannounceFunding), typeof(ReviseFundingPeriod), typeof(CorrectFundingPeriod),
        typeof(SetRecruitmentTarget), typeof(ReannounceRecruitmentTarget), typeof(ReviseRecruitmentTarget), typeof(CorrectRecruitmentTarget),
        typeof(RecordRecruitmentProgress), typeof(MarkRecruitmentTargetMet), typeof(AbandonRecruitmentTarget),
        typeof(AnnounceLegislation), typeof(RecordEnactedLegislation), typeof(IntroduceBill), typeof(CompleteParliamentaryStage), typeof(CarryOverBill), typeof(EndBill),
        typeof(GrantRoyalAssent), typeof(CommenceLegislation), typeof(RepealLegislation),
        typeof(RecordDispute), typeof(ResolveDispute),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every request type's name, in catalogue order.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>Finds a request type by name.</summary>
    /// <param name="name">The name, for example <c>PledgeFunding</c>.</param>
    /// <param name="type">The type, when found.</param>
    /// <returns>Whether a request type has that name.</returns>
    public static bool TryGetType(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        ByName.TryGetValue(Guard.Against.Null(name), out type);

    /// <summary>
    /// Request shapes of earlier timeline formats, each mapped forward to its current request. Add one line here when a
    /// request's fields change (see <see cref="LegacyRequestShape"/>); never edit a shipped entry.
    /// </summary>
    private static readonly LegacyRequestShape[] Legacy =
    [
        LegacyRequestShape.Of<CompleteParliamentaryStageV1, CompleteParliamentaryStage>(untilFormat: 1, old => old.Forward()),
        LegacyRequestShape.Of<CommenceLegislationV1, CommenceLegislation>(untilFormat: 1, old => old.Forward()),
        LegacyRequestShape.Of<ConferCommandPowersV1, ConferCommandPowers>(untilFormat: 1, old => old.Forward()),
        LegacyRequestShape.Of<PledgeFundingV1, PledgeFunding>(untilFormat: 1, old => old.Forward()),
        LegacyRequestShape.Of<RedirectFundingV1, RedirectFunding>(untilFormat: 1, old => old.Forward()),
        LegacyRequestShape.Of<IntroduceBillV2, IntroduceBill>(untilFormat: 2, old => old.Forward(), keepsIdempotencyKeys: true),
    ];

    /// <summary>The request shapes of earlier timeline formats (see <see cref="LegacyRequestShape"/>).</summary>
    public static IReadOnlyList<LegacyRequestShape> LegacyShapes => Legacy;

    /// <summary>The shape a request had in files of a given timeline format version, if it differs from today's.</summary>
    /// <param name="name">The request's name.</param>
    /// <param name="formatVersion">The file's format version.</param>
    /// <param name="shape">The oldest legacy shape still in use at that version, or <see langword="null"/> when the file carries today's shape.</param>
    /// <returns>Whether the file carries a legacy shape of the request.</returns>
    public static bool TryGetLegacyShape(string name, int formatVersion, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LegacyRequestShape? shape)
    {
        Guard.Against.Null(name);
        shape = Legacy.Where(l => l.RequestName == name && formatVersion <= l.UntilFormat).MinBy(l => l.UntilFormat);
        return shape is not null;
    }
}
