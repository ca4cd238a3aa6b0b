using Bogus;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.Commands;

namespace BorderSecurity.Domain.Testing;

/// <summary>Bogus-generated hostile requests: blank, huge and control-character text, SQL, zero and extreme amounts and headcounts, undefined enums, null provenance, dates at the ends of the calendar, malformed stream ids.</summary>
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
        return f.Random.Int(0, 13) switch
        {
            0 => new PledgeFunding(id, Text(), Amount(), (FundingBasis)f.Random.Int(-1, 2), f.Random.Bool() ? null : Text(), new FundingPeriod(Text()), Text(), Text(), Date(), provenance),
            1 => new RedirectFunding(id, Text(), Amount(), FundingBasis.UpTo, Text(), f.PickRandom<string?>(null, "legislation:x", "Not An Id"), new FundingPeriod(Text()), Text(), Text(), Date(), provenance),
            2 => new AllocateFunding(id, Text(), Amount(), Date(), provenance),
            3 => new ReviseFunding(id, Amount(), Text(), Date(), provenance),
            4 => new CorrectFundingAmount(id, Amount(), Text(), provenance),
            5 => new WithdrawFunding(id, Text(), Date(), provenance),
            6 => new SetRecruitmentTarget(id, Text(), Text(), Heads(), f.Random.Bool() ? null : Date(), Text(), Date(), provenance),
            7 => new RecordRecruitmentProgress(id, Heads(), Date(), provenance),
            8 => new MarkRecruitmentTargetMet(id, Heads(), Date(), provenance),
            9 => new AnnounceLegislation(id, Text(), Text(), Date(), provenance),
            10 => new CompleteParliamentaryStage(id, (ParliamentHouse)f.Random.Int(-1, 3), (BillStage)f.Random.Int(-1, 9), Date(), provenance),
            11 => new EstablishCommand(id, Text(), Text(), Date(), provenance),
            12 => new JoinAgencyToCommand(id, Text(), Date(), provenance),
            _ => new ConferCommandPowers(id, f.PickRandom("legislation:x", "", "Bad Id"), f.Random.Bool() ? [] : [Text()], Text(), Date(), provenance),
        };
    }

    private const decimal BorderSecurityGuardsMax = Ardalis.GuardClauses.BorderSecurityGuards.MaxPounds;
}
