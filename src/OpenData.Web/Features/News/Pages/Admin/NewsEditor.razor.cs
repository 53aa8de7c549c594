using Microsoft.AspNetCore.Components;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Text;

namespace OpenData.Web.Features.News.Pages.Admin;

public partial class NewsEditor
{
    [Parameter] public int? Id { get; set; }
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;
    [SupplyParameterFromQuery(Name = "msg")] private string? Msg { get; set; }
    [SupplyParameterFromQuery(Name = "err")] private string? Err { get; set; }
    [SupplyParameterFromForm(FormName = "news-edit", Name = "Input")] private NewsForm? Posted { get; set; }
    [SupplyParameterFromForm(FormName = "news-files")] private int? RemoveId { get; set; }
    [Inject] private SafeMarkdown Markdown { get; set; } = default!;

    private NewsForm Input { get; set; } = new();
    private NewsArticle? _article;
    private string? _error;
    private bool _notFound;
    private string _previewHtml = "";
    private string UploadLimitText { get; set; } = "";
    private string Heading => Id is null ? "撰写文章" : "编辑文章";

    protected override async Task OnInitializedAsync()
    {
        UploadLimitText = UploadLimit.Describe(await Files.LimitAsync(CancellationToken.None));
        if (Id is { } id)
        {
            _article = await Queries.ForEditAsync(id, HttpContext.User, CancellationToken.None);
            if (_article is null) { _notFound = true; HttpContext.Response.StatusCode = StatusCodes.Status404NotFound; return; }
            Input = NewsForm.From(_article);
        }
        if (Posted is not null && HttpMethods.IsPost(HttpContext.Request.Method)) Input = Posted;
        _previewHtml = Markdown.ToHtml(Input.Body);
        _error ??= string.IsNullOrEmpty(Err) ? null : Err;
    }

    private async Task SaveAsync()
    {
        var o = await Commands.SaveAsync(Id, Input.ToInput(), HttpContext.User, CancellationToken.None);
        if (!o.Ok) { _error = o.Message; HttpContext.Response.StatusCode = StatusCodes.Status422UnprocessableEntity; return; }
        var id = (int)o.Id!;
        var message = o.Message ?? "";
        var file = HttpContext.Request.Form.Files.GetFile("attachment");
        if (file is { FileName.Length: > 0 })
        {
            await using var stream = file.OpenReadStream(); // seekable: the form reader buffers uploads
            var added = await Files.AddAsync(id, file.FileName, file.Length, stream, HttpContext.User, CancellationToken.None);
            if (!added.Ok)
            {
                // The article is saved; only the file was refused. Show the reason on the saved article's editor.
                if (Id is null) { Nav.NavigateTo($"/admin/news/{id}/edit?msg={Uri.EscapeDataString(message)}&err={Uri.EscapeDataString("附件未上传：" + added.Message)}"); return; }
                _error = "附件未上传：" + added.Message;
                _article = await Queries.ForEditAsync(id, HttpContext.User, CancellationToken.None);
                HttpContext.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return;
            }
            message += " " + added.Message;
        }
        Nav.NavigateTo($"/admin/news/{id}/edit?msg=" + Uri.EscapeDataString(message));
    }

    private async Task UnpublishAsync()
    {
        if (Id is not { } id) return;
        var o = await Commands.SetPublishedAsync(id, false, HttpContext.User, CancellationToken.None);
        Nav.NavigateTo($"/admin/news/{id}/edit?msg=" + Uri.EscapeDataString(o.Message ?? ""));
    }

    private async Task RemoveAsync()
    {
        if (Id is not { } id || RemoveId is not { } fileId) return;
        var o = await Files.RemoveAsync(id, fileId, HttpContext.User, CancellationToken.None);
        Nav.NavigateTo($"/admin/news/{id}/edit?msg=" + Uri.EscapeDataString(o.Message ?? ""));
    }
}
