using System.Net.Http.Headers;
using Bastion.Members;
using MiniExcelLibs;

namespace Bastion.IntegrationTests.Members;

/// <summary>Roster workbooks for the import tests, written the way a user fills in the template (all cells as text).</summary>
public static class RosterFile
{
    public static Dictionary<string, object?> Row(string name, string residentId, string category = "正式党员") => new()
    {
        ["姓名"] = name, ["性别"] = null, ["公民身份号码"] = residentId, ["民族"] = "汉族", ["出生日期"] = null,
        ["学历"] = "大学本科", ["职业"] = "技术员", ["手机号码"] = "13900001111", ["入党时间"] = "2010-07-01",
        ["转正时间"] = category == "正式党员" ? "2011-07-01" : null, ["类别"] = category,
    };

    public static List<Dictionary<string, object?>> ValidRows(int count, string prefix = "导入") =>
        Enumerable.Range(1, count).Select(i => Row($"{prefix}{i:00000}", MembersTree.NewResidentId(i % 2 == 0 ? Gender.Female : Gender.Male))).ToList();

    public static byte[] Build(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), sheetName: "花名册");
        return stream.ToArray();
    }

    public static MultipartFormDataContent Upload(byte[] file, string fileName = "roster.xlsx")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(RosterWorkbook.ContentType);
        return new MultipartFormDataContent { { content, "file", fileName } };
    }
}
