using Bastion.Members;
using Bastion.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Bastion.Web.Pages.Members;

/// <summary>The fields of the member form (create and edit); the use case does all the checking.</summary>
public sealed class MemberForm
{
    public string? Name { get; set; }
    public Gender? Gender { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? ResidentId { get; set; }
    public string? Phone { get; set; }
    public string? Ethnicity { get; set; }
    public Education? Education { get; set; }
    public string? Occupation { get; set; }
    public DateOnly? JoinedOn { get; set; }
    public DateOnly? FullOn { get; set; }
    public MemberCategory? Category { get; set; }

    public MemberInput ToInput() => new()
    {
        Name = Name, Gender = Gender, BirthDate = BirthDate, ResidentId = ResidentId, Phone = Phone, Ethnicity = Ethnicity,
        Education = Education, Occupation = Occupation, JoinedOn = JoinedOn, FullOn = FullOn, Category = Category,
    };

    public static MemberForm From(MemberDetail m) => new()
    {
        Name = m.Name, Gender = m.Gender, BirthDate = m.BirthDate, Ethnicity = m.Ethnicity, Education = m.Education,
        Occupation = m.Occupation, JoinedOn = m.JoinedOn, FullOn = m.FullOn, Category = m.Category,
    };

    /// <summary>Puts the use case's errors beside the fields ("Form.ResidentId" …); fields the form lacks go to the summary.</summary>
    public static void AddErrors(ModelStateDictionary modelState, ValidationFailedException e)
    {
        var fields = typeof(MemberForm).GetProperties().Select(p => p.Name).ToHashSet();
        foreach (var (field, messages) in e.Errors)
            foreach (var message in messages)
                modelState.AddModelError(fields.Contains(field) ? $"Form.{field}" : "", message);
    }
}
