using Bogus;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.Commands;

namespace BorderSecurity.Domain.Testing;

/// <summary>
/// Bogus-generated hostile requests: blank, huge and control-character text, SQL, zero and extreme amounts and headcounts,
/// undefined enums, null provenance, dates at the ends of the calendar. Ids and organisations refuse hostile text when
/// they are built (a malformed id is never a <see cref="Shared.StreamId"/>), so where the hostile text would not build one
/// the request carries <see langword="null"/> in its place, as a caller can still pass.
/// </summary>
public static class HostileRequestFactory
{
    private static readonly string[] Ids = ["funding:f1", "recruitment:r1", "legislation:l1", "command:c1", "", " ", "Funding:F1", "funding f1", "x:" + new string('a', 200), "'; drop table mt_events; --"];

    public static IBorderSecurityRequest Next(Faker f)
    {
        string Text() => f.Random.Int(0, 7) switch
        {
            0 => "",
            1 => "   ",
            2 => new string('z', f.Random.Int(2_001, 100_000)),
            3 => "'; drop table mt_events; --",
            4 => "{\"$type\":\"System.IO.FileInfo\"}",
            5 => f.PickRandom("\u0000\u0007\u202e", "lone \ud800 surrogate", "emoji \ud83d\ude00 ok"),
            _ => f.Lorem.Sentence(),
        };
        LocalDate Date() => f.Random.Int(0, 4) switch
        {
            0 => LocalDate.MinIsoValue,
            1 => LocalDate.MaxIsoValue,
            _ => new LocalDate(2024, 1, 1).PlusDays(f.Random.Int(-800, 800)),
        };
        Money Amount() => f.Random.Int(0, 3) switch
        {
            0 => Money.Zero,
            1 => Money.FromPounds(BorderSecurityGuardsMax),
            _ => Money.FromPounds(f.Random.Int(1, 100) * 1_000_000m),
        };
        int Heads() => f.PickRandom(int.MinValue, -1, 0, 1, 100, 1_000_000, 1_000_001, int.MaxValue);
        var provenance = f.Random.Bool(0.15f) ? null! : Provenance.Of(new SourceReference("fuzz.txt", "Fuzz"));
        var id = f.PickRandom(Ids);

        // A typed value from hostile text, or null where the text is refused.
        static T Typed<T>(Func<T> build)
            where T : class
        {
            try
            {
                return build();
            }
            catch (ArgumentException)
            {
                return null!;
            }
        }

        return f.Random.Int(0, 13) switch
        {
            0 => new PledgeFunding
            {
                CommitmentId = Typed(() => new CommitmentId(id)),
                Recipient = Typed(() => new Organisation(Text())),
                Amount = Amount(),
                Basis = (FundingBasis)f.Random.Int(-1, 2),
                OriginName = f.Random.Bool() ? null : Text(),
                Period = new FundingPeriod(Text()),
                Purpose = Text(),
                AnnouncedBy = Text(),
                ValidOn = Date(),
                Provenance = provenance,
            },
            1 => new RedirectFunding
            {
                CommitmentId = Typed(() => new CommitmentId(id)),
                Recipient = Typed(() => new Organisation(Text())),
                Amount = Amount(),
                Basis = FundingBasis.UpTo,
                FromProgramme = Text(),
                FromLegislationId = f.PickRandom<string?>(null, "legislation:x", "Not An Id") is { } from ? Typed(() => new LegislationId(from)) : null,
                Period = new FundingPeriod(Text()),
                Purpose = Text(),
                AnnouncedBy = Text(),
                ValidOn = Date(),
                Provenance = provenance,
            },
            2 => new AllocateFunding
            {
                CommitmentId = Typed(() => new CommitmentId(id)),
                Capability = Text(),
                Amount = Amount(),
                ValidOn = Date(),
                Provenance = provenance,
            },
            3 => new ReviseFunding
            {
                CommitmentId = Typed(() => new CommitmentId(id)),
                RevisedAmount = Amount(),
                Reason = Text(),
                ValidOn = Date(),
                Provenance = provenance,
            },
            4 => new CorrectFundingAmount
            {
                CommitmentId = Typed(() => new CommitmentId(id)),
                CorrectedAmount = Amount(),
                Reason = Text(),
                Provenance = provenance,
            },
            5 => new WithdrawFunding { CommitmentId = Typed(() => new CommitmentId(id)), Reason = Text(), ValidOn = Date(), Provenance = provenance },
            6 => new SetRecruitmentTarget
            {
                TargetId = Typed(() => new RecruitmentTargetId(id)),
                Organisation = Typed(() => new Organisation(Text())),
                Role = Text(),
                Headcount = Heads(),
                Deadline = f.Random.Bool() ? null : Date(),
                AnnouncedBy = Text(),
                ValidOn = Date(),
                Provenance = provenance,
            },
            7 => new RecordRecruitmentProgress { TargetId = Typed(() => new RecruitmentTargetId(id)), InPost = Heads(), ValidOn = Date(), Provenance = provenance },
            8 => new MarkRecruitmentTargetMet { TargetId = Typed(() => new RecruitmentTargetId(id)), InPost = Heads(), ValidOn = Date(), Provenance = provenance },
            9 => new AnnounceLegislation
            {
                LegislationId = Typed(() => new LegislationId(id)),
                Title = Text(),
                AnnouncedIn = Text(),
                ValidOn = Date(),
                Provenance = provenance,
            },
            10 => new CompleteParliamentaryStage
            {
                LegislationId = Typed(() => new LegislationId(id)),
                House = (ParliamentHouse)f.Random.Int(-1, 3),
                Stage = (BillStage)f.Random.Int(-1, 9),
                ValidOn = Date(),
                Provenance = provenance,
            },
            11 => new EstablishCommand
            {
                CommandId = Typed(() => new CommandId(id)),
                Name = Typed(() => new Organisation(Text())),
                ParentDepartment = Typed(() => new Organisation(Text())),
                ValidOn = Date(),
                Provenance = provenance,
            },
            12 => new JoinAgencyToCommand { CommandId = Typed(() => new CommandId(id)), Agency = Typed(() => new Organisation(Text())), ValidOn = Date(), Provenance = provenance },
            _ => new ConferCommandPowers
            {
                CommandId = Typed(() => new CommandId(id)),
                LegislationId = Typed(() => new LegislationId(f.PickRandom("legislation:x", "", "Bad Id"))),
                Provisions = f.Random.Bool() ? [] : [Text()],
                Powers = Text(),
                ValidOn = Date(),
                Provenance = provenance,
            },
        };
    }

    private const decimal BorderSecurityGuardsMax = Ardalis.GuardClauses.BorderSecurityGuards.MaxPounds;
}
