using Bastion.Members;
using Bastion.MobileMembers;
using Bastion.Organizations;
using Bastion.Transfers;
using Bogus;

namespace Bastion.Generation;

/// <summary>Transfers (组织关系转接) and mobile members (流动党员) in the first demo county.</summary>
public sealed partial class DemoDataset
{
    public List<Transfer> Transfers { get; private set; } = [];
    public List<MobileRecord> MobileRecords { get; private set; } = [];
    public List<MobileContact> MobileContacts { get; private set; } = [];

    private static readonly string[] DestinationCities = ["广东省深圳市", "浙江省杭州市", "江苏省苏州市", "上海市浦东新区", "福建省厦门市", "北京市朝阳区"];

    /// <summary>
    /// A few transfers between village branches of the first county — some accepted over the last year, some waiting
    /// (one past its validity), one letter out of the system waiting for its return slip — and out-flow mobile members
    /// of the village branches with their contact logs, some not contacted for over six months and some settled at a
    /// fixed place long enough that they should transfer. Members of open letters stay on the sender's roster.
    /// Record and contact ids are assigned here (contacts refer to records); the loader moves the sequences.
    /// </summary>
    private void BuildMovement(int seed)
    {
        var rnd = new Randomizer(seed ^ 0x7A45);
        var county = FirstCounty.Path;
        var villages = Organizations.Where(o => o.Kind == OrganizationKind.Branch && o.UnitType == UnitType.Rural
            && o.Path.StartsWith(county, StringComparison.Ordinal)).ToList();
        if (villages.Count < 3) return;
        var byOrg = Members.Where(m => m.Status == MemberStatus.Active && m.Category == MemberCategory.Full)
            .GroupBy(m => m.OrganizationId).ToDictionary(g => g.Key, g => g.ToList());
        var used = new HashSet<long>();
        Member? Take(Organization org)
        {
            if (!byOrg.TryGetValue(org.Id, out var list)) return null;
            var m = list.Where(x => !used.Contains(x.Id)).Skip(rnd.Number(0, 3)).FirstOrDefault();
            if (m is not null) used.Add(m.Id);
            return m;
        }
        Transfer Letter(Member m, long? from, long? to, TransferStatus status, int issuedDaysAgo, string reason) => new()
        {
            MemberId = m.Id, Kind = to is null ? TransferKind.OutOfSystem : TransferKind.Internal, FromOrganizationId = from, ToOrganizationId = to,
            RegionId = m.RegionId, Status = status, LetterNumber = $"江北组转〔{_today.Year}〕{Transfers.Count + 101}号", Reason = reason,
            IssuedOn = _today.AddDays(-issuedDaysAgo), ValidUntil = _today.AddDays(-issuedDaysAgo + 30),
            AcceptedOn = status == TransferStatus.Accepted ? _today.AddDays(-issuedDaysAgo + rnd.Number(2, 12)) : null,
            IssuedBy = "demo", ClosedBy = status == TransferStatus.Issued ? null : "demo", ClosedAt = status == TransferStatus.Issued ? null : _now, CreatedAt = _now,
        };

        // Accepted over the last year: the member already belongs to the receiver.
        for (var i = 0; i < 6; i++)
        {
            var (from, to) = (villages[(i * 2) % villages.Count], villages[(i * 2 + 1) % villages.Count]);
            if (Take(to) is { } m) Transfers.Add(Letter(m, from.Id, to.Id, TransferStatus.Accepted, rnd.Number(40, 330), "婚嫁迁入"));
        }
        // Waiting for the receiver; the first one from the demo secretary's branch, one past its validity.
        var sender = FirstVillageBranch.UnitType == UnitType.Rural ? FirstVillageBranch : villages[0];
        for (var i = 0; i < 4; i++)
        {
            var from = i == 0 ? sender : villages[(i * 3 + 2) % villages.Count];
            var to = i == 0 && SecondVillageBranch is not null ? SecondVillageBranch : villages[(i * 3 + 4) % villages.Count];
            if (from.Id != to.Id && Take(from) is { } m) Transfers.Add(Letter(m, from.Id, to.Id, TransferStatus.Issued, i == 3 ? 40 : rnd.Number(1, 20), "工作调动"));
        }
        if (Take(villages[^1]) is { } leaving)
        {
            var letter = Letter(leaving, villages[^1].Id, null, TransferStatus.Issued, 12, "随子女迁居");
            letter.ExternalParty = "浙江省杭州市西湖区某街道党工委";
            Transfers.Add(letter);
        }

        // Out-flow mobile members of the village branches, with contact logs.
        foreach (var village in villages.Take(12))
        {
            for (var k = 0; k < rnd.Number(1, 3); k++)
            {
                if (Take(village) is not { } m) continue;
                var monthsAway = rnd.Number(2, 30);
                var record = new MobileRecord
                {
                    Id = MobileRecords.Count + 1, OrganizationId = village.Id, RegionId = village.RegionId, Direction = MobileDirection.OutFlow,
                    MemberId = m.Id, PersonName = m.Name, Place = rnd.ArrayElement(DestinationCities) + (rnd.Bool() ? "·务工" : "·经商"),
                    ActivityCardNumber = $"LD{village.Id:0000}{k + 1:00}", FixedPlace = monthsAway > 8 && rnd.Number(0, 2) == 0,
                    LeftOn = _today.AddMonths(-monthsAway), ExpectedReturnOn = rnd.Bool() ? _today.AddMonths(rnd.Number(1, 10)) : null,
                    RecordedBy = "demo", CreatedAt = _now,
                };
                MobileRecords.Add(record);
                // Regular contact every one to three months; about one record in five has gone quiet for 7+ months.
                var quiet = rnd.Number(0, 4) == 0;
                var last = quiet ? _today.AddMonths(-rnd.Number(7, Math.Max(8, monthsAway))) : _today.AddDays(-rnd.Number(3, 60));
                for (var on = record.LeftOn.AddDays(20); on <= last; on = on.AddDays(rnd.Number(30, 90)))
                    MobileContacts.Add(new MobileContact
                    {
                        Id = MobileContacts.Count + 1, MobileRecordId = record.Id, OrganizationId = village.Id, RegionId = village.RegionId,
                        ContactedOn = on, Channel = rnd.ArrayElement(new[] { ContactChannel.Phone, ContactChannel.Online, ContactChannel.Phone, ContactChannel.Visit }),
                        Note = rnd.ArrayElement(new[] { "电话了解务工情况，参加当地流动党员支部活动", "微信群学习", "返乡探亲时走访", "提醒按时交纳党费" }),
                        RecordedBy = "demo", RecordedAt = _now,
                    });
            }
        }
    }
}
