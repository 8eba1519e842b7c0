using Bastion.Data;
using Bastion.Grids;
using Bastion.Members;
using Bastion.Requests;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Generation;

/// <summary>Households in the demo grids, the members who keep contact with them, and a year of visits and calls (联系群众).</summary>
public sealed partial class DemoDataset
{
    public sealed record HouseholdData(List<Household> Households, List<HouseholdContact> Contacts)
    {
        public int RowCount => Households.Count + Contacts.Count;
    }

    public HouseholdData Households { get; private set; } = new([], []);

    private static readonly string[] Buildings = ["幸福里", "和平街", "光明路", "建设巷", "新村", "文化路", "团结路", "东大街"];

    private static readonly string[] RoutineNotes =
    [
        "家中情况稳定，无诉求。", "宣传防诈骗知识，发放宣传册。", "了解老人身体状况，提醒按时体检。", "宣讲医保缴费政策。",
        "询问子女就业情况，介绍招聘信息。", "提醒冬季用电用气安全。", "家中有人住院，已告知大病救助申请渠道。", "征求对社区工作的意见，表示满意。",
    ];

    /// <summary>
    /// 12 to 25 households in every demo grid, each (but a few) with a member of the grid's organization keeping contact (the demo "member" login keeps six),
    /// and a year of visits and calls before now: most households contacted one to five times, some not at all. Half of
    /// the requests recorded by staff in a grid were raised on such a visit: the contact links the request, and the
    /// request's address is the household's. Deterministic per grid; ids are assigned here and the loader moves the
    /// PostgreSQL sequences afterwards. Built from <see cref="Requests"/>, so it is rebuilt when they are.
    /// </summary>
    private HouseholdData BuildHouseholds()
    {
        var data = new HouseholdData([], []);
        var keepersByOrg = Members.Where(m => m.Status == MemberStatus.Active).GroupBy(m => m.OrganizationId).ToDictionary(g => g.Key, g => g.Select(m => m.Id).ToList());
        var staffRequests = Requests.Requests.Where(r => r.GridId is not null && r.Source == RequestSource.Staff)
            .GroupBy(r => r.GridId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var grid in Requests.Grids)
        {
            var rnd = new Random(unchecked((int)(grid.Id * 104_729 + grid.OrganizationId * 31 + 7)));
            var keepers = keepersByOrg.GetValueOrDefault(grid.OrganizationId) ?? [];
            // The grids of one village have consecutive ids, so they get different streets.
            var street = grid.Name.Split('第')[0] + Buildings[(int)(grid.Id % Buildings.Length)];
            var households = Enumerable.Range(1, rnd.Next(12, 26)).Select(k => new Household
            {
                Id = data.Households.Count + k, OrganizationId = grid.OrganizationId, RegionId = grid.RegionId, GridId = grid.Id,
                Address = $"{street}{(k - 1) / 6 + 1}号楼{(k - 1) % 6 / 2 + 1}0{(k - 1) % 2 + 1}室", PeopleCount = rnd.Next(1, 7),
                KeeperMemberId = keepers.Count > 0 && rnd.Next(100) < 94 ? keepers[rnd.Next(keepers.Count)] : null, CreatedAt = grid.CreatedAt,
            }).ToList();
            // The demo "member" login (the last member of the first village branch) keeps the first households of its first grid.
            if (grid.OrganizationId == FirstVillageBranch.Id && grid.Id == Requests.Grids.First(g => g.OrganizationId == FirstVillageBranch.Id).Id)
            {
                var demoMember = Members.Last(m => m.OrganizationId == FirstVillageBranch.Id).Id;
                foreach (var h in households.Take(6)) h.KeeperMemberId = demoMember;
            }
            data.Households.AddRange(households);
            void Contact(Household h, long memberId, DateOnly on, HouseholdContactKind kind, string? notes, long? requestId) =>
                data.Contacts.Add(new HouseholdContact
                {
                    Id = data.Contacts.Count + 1, OrganizationId = h.OrganizationId, HouseholdId = h.Id, MemberId = memberId, ContactedOn = on, Kind = kind,
                    Notes = notes, RaisedRequestId = requestId, CreatedAt = on.ToDateTime(new TimeOnly(rnd.Next(9, 19), rnd.Next(60)), DateTimeKind.Utc),
                });
            foreach (var h in households.Where(h => h.KeeperMemberId is not null))
            {
                var visits = rnd.Next(100) < 15 ? 0 : rnd.Next(1, 6);
                for (var i = 0; i < visits; i++)
                {
                    // Mostly the keeper; now and then another member of the organization stands in.
                    var member = rnd.Next(10) == 0 ? keepers[rnd.Next(keepers.Count)] : h.KeeperMemberId!.Value;
                    Contact(h, member, _today.AddDays(-rnd.Next(0, 365)), rnd.Next(10) < 6 ? HouseholdContactKind.Visit : HouseholdContactKind.Call,
                        rnd.Next(10) < 7 ? RoutineNotes[rnd.Next(RoutineNotes.Length)] : null, null);
                }
            }
            if (keepers.Count == 0) continue;
            foreach (var request in staffRequests.GetValueOrDefault(grid.Id) ?? [])
            {
                if (rnd.Next(2) == 0) continue;
                var h = households[rnd.Next(households.Count)];
                request.AddressText = h.Address;
                Contact(h, h.KeeperMemberId ?? keepers[rnd.Next(keepers.Count)], DateOnly.FromDateTime(request.ReceivedAt), HouseholdContactKind.Visit, request.Description, request.Id);
            }
        }
        return data;
    }

    /// <summary>Adds the households and contacts in batches and moves their PostgreSQL sequences (called by <see cref="DemoLoader"/>).</summary>
    internal async Task LoadHouseholdsAsync(BastionDb db, CancellationToken ct)
    {
        foreach (var chunk in Households.Households.Chunk(DemoLoader.BatchSize))
            await SaveBatchAsync(db, chunk, ct);
        foreach (var chunk in Households.Contacts.Chunk(DemoLoader.BatchSize))
            await SaveBatchAsync(db, chunk, ct);
        if (!db.Database.IsNpgsql()) return;
        foreach (var table in new[] { "Households", "HouseholdContacts" })
        {
            // The table names are constants, never input.
            var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"{table}\"), 1))";
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }
}
