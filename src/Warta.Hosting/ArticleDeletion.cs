using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Core.Stories;

namespace Warta.Hosting;

/// <summary>What <see cref="StoreMaintenance.DeleteArticleAsync"/> did: how the id resolved, and the change it recorded when it deleted.</summary>
/// <param name="Resolution">The article the id or prefix named, or why none.</param>
/// <param name="Change">The <see cref="StoreChangeKind.ArticleDeleted"/> change, when the article was deleted.</param>
public sealed record ArticleDeletion(IdResolution<Article> Resolution, StoreChange? Change);
