namespace Bastion.Web.Pages.Shared;

/// <summary>Previous/next links for any paged list; <see cref="Link"/> builds the address of a page.</summary>
public sealed record PagerModel(int PageNumber, int PageCount, int TotalCount, Func<int, string> Link);
