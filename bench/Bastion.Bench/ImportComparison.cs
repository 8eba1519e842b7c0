using System.Diagnostics;
using System.Globalization;
using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Security;
using MiniExcelLibs;

namespace Bastion.Bench;

/// <summary>
/// A roster import of N rows (ImportMembers: read, validate every row, one duplicate query, insert all in one
/// transaction) against the reference of only reading the same workbook (RosterWorkbook.Rows), in the same run.
/// </summary>
internal static class ImportComparison
{
    public static async Task<int> RunAsync(Options options)
    {
        var rows = options.Int("rows", 10_000);
        var repeat = options.Int("repeat", 3);
        var work = options.Text("work", Path.Combine(Path.GetTempPath(), "bastion-bench-import"));
        var file = BuildWorkbook(rows);
        Console.WriteLine($"roster workbook: {rows:N0} rows, {file.Length / 1024:N0} KiB");

        var pii = new PiiProtector(new byte[32]);
        var import = new List<double>();
        var read = new List<double>();
        for (var r = 0; r < repeat; r++)
        {
            var sw = Stopwatch.StartNew();
            var count = RosterWorkbook.Rows(new MemoryStream(file)).Count();
            read.Add(sw.Elapsed.TotalSeconds);
            if (count != rows) throw new InvalidOperationException($"read {count} rows, expected {rows}");

            var settings = await BenchDb.CreateFreshAsync(Path.Combine(work, $"run{r}"));
            long branchId;
            await using (var setup = BenchDb.Open(settings, FixedDataScope.System("bench")))
            {
                var root = new Organization { Name = "基准测试党委", Kind = OrganizationKind.Committee, Path = "/tmp-root/" };
                setup.Organizations.Add(root);
                await setup.SaveChangesAsync();
                root.PlaceUnder(null);
                await setup.SaveChangesAsync();
                branchId = (await CreateOrganization.HandleAsync(setup, new CreateOrganization.Command { ParentId = root.Id, Name = "基准测试党支部", Kind = OrganizationKind.Branch })).Id;
            }
            await using var db = BenchDb.Open(settings, FixedDataScope.System("bench"));
            sw.Restart();
            var result = await ImportMembers.HandleAsync(db, pii, branchId, new MemoryStream(file));
            import.Add(sw.Elapsed.TotalSeconds);
            if (!result.Succeeded || result.Imported != rows)
                throw new InvalidOperationException($"import failed: {result.Imported} imported, {result.Errors.Count} errors, first: {(result.Errors.Count > 0 ? result.Errors[0] : null)}");
        }
        var importMedian = Median(import);
        var readMedian = Median(read);
        Console.WriteLine($"import (validate + insert, one transaction): median {importMedian:F3} s = {rows / importMedian:N0} rows/s; runs {string.Join(" ", import.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"reference (read the workbook only):        median {readMedian:F3} s = {rows / readMedian:N0} rows/s; runs {string.Join(" ", read.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"ratio import / read-only time: {importMedian / readMedian:F2}");
        return 0;
    }

    private static byte[] BuildWorkbook(int rows)
    {
        var list = new List<Dictionary<string, object?>>(rows);
        for (var i = 0; i < rows; i++)
        {
            var male = i % 2 == 0;
            var birth = new DateOnly(1960, 1, 1).AddDays(i % 12_000);
            var id = ResidentId.Compose("4" + (i / 500).ToString("00000", CultureInfo.InvariantCulture), birth, i % 500 * 2 + (male ? 1 : 0));
            list.Add(new Dictionary<string, object?>
            {
                ["姓名"] = $"导入{i:00000}", ["性别"] = male ? "男" : "女", ["公民身份号码"] = id, ["民族"] = "汉族",
                ["出生日期"] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["学历"] = "大学本科", ["职业"] = "技术员",
                ["手机号码"] = $"139{i:00000000}", ["入党时间"] = "2010-07-01", ["转正时间"] = "2011-07-01", ["类别"] = "正式党员",
            });
        }
        using var stream = new MemoryStream();
        stream.SaveAs(list, sheetName: "花名册");
        return stream.ToArray();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
