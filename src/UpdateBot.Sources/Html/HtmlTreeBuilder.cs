namespace UpdateBot.Sources.Html;

/// <summary>
/// Builds the tree from the tokens as the HTML standard's tree construction does (section 13.2.6) in the respects
/// that decide where text and elements end up: the implied html/head/body, tags that close others (p, li, dd,
/// headings, table parts), end tags without a matching start, formatting elements reopened across blocks and the
/// adoption agency for misnested ones, table structure and foster parenting, select, template contents, foreign
/// content (svg, math) and raw-text elements. Scripting is off, so <c>noscript</c> holds markup. Nesting deeper than
/// <see cref="MaxDepth"/> goes in flat. See this folder's README for what is left out.
/// </summary>
internal sealed partial class HtmlTreeBuilder(string source)
{
    private enum Phase
    {
        BeforeHtml,
        BeforeHead,
        InHead,
        InHeadNoscript,
        AfterHead,
        InBody,
    }

    /// <summary>How deep elements nest at most; more deeply nested ones become siblings (Blink's parser stops at 512).</summary>
    internal const int MaxDepth = 512;

    private readonly HtmlTokenizer tokenizer = new(source);
    private readonly List<HtmlElement> open = [];
    private Phase phase;
    private HtmlElement? html;
    private HtmlElement? head;
    private HtmlElement? body;
    private HtmlElement? form;
    private bool quirks = true;
    private bool skipNewline;
    private bool fosterParenting;

    /// <summary>Whether the current node is a raw-text element (script, style, title, ...) waiting for its text and end tag.</summary>
    private bool inRawText;

    /// <summary>How many open elements are tables, table parts, select or template (none: plain body rules apply).</summary>
    private int modeElements;

    /// <summary>How many open elements are HTML <c>p</c>: none, and no start tag needs to look for one to close.</summary>
    private int openParagraphs;

    private HtmlElement Current => open[^1];

    public HtmlDocument Build()
    {
        HtmlTokenKind kind;
        while ((kind = tokenizer.Next()) != HtmlTokenKind.EndOfFile)
        {
            switch (kind)
            {
                case HtmlTokenKind.Text:
                    var text = tokenizer.Text;
                    if (skipNewline)
                    {
                        skipNewline = false;
                        if (text.Span.StartsWith('\n'))
                        {
                            text = text[1..];
                        }
                    }

                    if (inRawText)
                    {
                        Current.AppendText(text);
                    }
                    else if (text.Length > 0)
                    {
                        OnText(text);
                    }

                    break;
                case HtmlTokenKind.StartTag:
                    skipNewline = false;
                    OnStart(new StartTag(tokenizer.Name, tokenizer.Attributes.Count == 0 ? [] : tokenizer.Attributes.ToArray(), tokenizer.SelfClosing));
                    break;
                case HtmlTokenKind.EndTag:
                    skipNewline = false;
                    if (inRawText)
                    {
                        // The tokenizer ends raw text only at the element's own end tag.
                        inRawText = false;
                        Pop();
                    }
                    else
                    {
                        OnEnd(tokenizer.Name);
                    }

                    break;
                case HtmlTokenKind.Doctype:
                    OnDoctype();
                    break;
                default:
                    break;
            }

            tokenizer.AllowCData = open.Count > 0 && IsForeignContext();
        }

        EnsureBody();
        return new HtmlDocument(html!, head, body);
    }

    private readonly record struct StartTag(string Name, HtmlAttribute[] Attributes, bool SelfClosing);

    private void OnDoctype()
    {
        if (phase != Phase.BeforeHtml)
        {
            return;
        }

        quirks = IsQuirks(tokenizer.DoctypeName, tokenizer.DoctypePublicId, tokenizer.DoctypeSystemId);
    }

    /// <summary>The standard's quirks-mode test (13.2.6.4.1), for the doctypes pages actually carry.</summary>
    private static bool IsQuirks(string? name, string? publicId, string? systemId)
    {
        if (name != "html")
        {
            return true;
        }

        if (publicId is null)
        {
            return systemId?.Equals("http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd", StringComparison.OrdinalIgnoreCase) == true;
        }

        string[] quirkPrefixes =
        [
            "+//silmaril//dtd html pro v0r11 19970101//", "-//as//dtd html 3.0 aswedit + extensions//", "-//ietf//dtd html", "-//w3c//dtd html 3",
            "-//w3c//dtd html 4.0 frameset//", "-//w3c//dtd html 4.0 transitional//", "-//w3c//dtd w3 html//", "-//w3o//dtd w3 html",
            "-//webtechs//dtd mozilla html", "-//netscape comm. corp.//dtd", "-//microsoft//dtd internet explorer", "-//o'reilly and associates//dtd",
            "-//softquad", "-//spyglass//dtd html 2.0 extended//", "-//sun microsystems corp.//dtd hotjava", "-//metrius//dtd metrius presentational//",
        ];
        var id = publicId.ToLowerInvariant();
        if (id is "-//w3o//dtd w3 html strict 3.0//en//" or "-/w3c/dtd html 4.0 transitional/en" or "html" ||
            quirkPrefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal)))
        {
            return true;
        }

        return systemId is null && (id.StartsWith("-//w3c//dtd html 4.01 frameset//", StringComparison.Ordinal) ||
            id.StartsWith("-//w3c//dtd html 4.01 transitional//", StringComparison.Ordinal));
    }

    private void OnText(ReadOnlyMemory<char> text)
    {
        if (phase != Phase.InBody && HasOpen("template"))
        {
            TextInBody(text);
            return;
        }

        while (text.Length > 0)
        {
            switch (phase)
            {
                case Phase.BeforeHtml:
                case Phase.BeforeHead:
                {
                    var space = HtmlTagSets.LeadingWhitespace(text.Span);
                    text = text[space..];
                    if (text.Length > 0)
                    {
                        Advance();
                    }

                    break;
                }

                case Phase.InHead:
                case Phase.InHeadNoscript:
                case Phase.AfterHead:
                {
                    var space = HtmlTagSets.LeadingWhitespace(text.Span);
                    if (space > 0)
                    {
                        Current.AppendText(text[..space]);
                        text = text[space..];
                    }

                    if (text.Length > 0)
                    {
                        Advance();
                    }

                    break;
                }

                default:
                    TextInBody(text);
                    return;
            }
        }
    }

    /// <summary>Leaves the current phase as its "anything else" rule does, creating what is implied.</summary>
    private void Advance()
    {
        switch (phase)
        {
            case Phase.BeforeHtml:
                html = new HtmlElement("html", HtmlNamespace.Html, []);
                open.Add(html);
                phase = Phase.BeforeHead;
                break;
            case Phase.BeforeHead:
                head = new HtmlElement("head", HtmlNamespace.Html, []);
                html!.Append(head);
                open.Add(head);
                phase = Phase.InHead;
                break;
            case Phase.InHead:
                Pop();
                phase = Phase.AfterHead;
                break;
            case Phase.InHeadNoscript:
                Pop();
                phase = Phase.InHead;
                break;
            case Phase.AfterHead:
                body = new HtmlElement("body", HtmlNamespace.Html, []);
                html!.Append(body);
                open.Add(body);
                phase = Phase.InBody;
                break;
            default:
                break;
        }
    }

    private void EnsureBody()
    {
        if (phase == Phase.BeforeHtml)
        {
            Advance();
        }

        while (phase != Phase.InBody)
        {
            Advance();
        }
    }

    private void OnStart(StartTag tag)
    {
        if (phase != Phase.InBody && HasOpen("template"))
        {
            // A template in the head holds body content.
            StartInBodyPhase(tag);
            return;
        }

        while (true)
        {
            switch (phase)
            {
                case Phase.BeforeHtml:
                    if (tag.Name == "html")
                    {
                        html = new HtmlElement("html", HtmlNamespace.Html, tag.Attributes);
                        open.Add(html);
                        phase = Phase.BeforeHead;
                        return;
                    }

                    Advance();
                    continue;
                case Phase.BeforeHead:
                    if (tag.Name == "html")
                    {
                        html!.AddMissingAttributes(tag.Attributes);
                        return;
                    }

                    if (tag.Name == "head")
                    {
                        head = new HtmlElement("head", HtmlNamespace.Html, tag.Attributes);
                        html!.Append(head);
                        open.Add(head);
                        phase = Phase.InHead;
                        return;
                    }

                    Advance();
                    continue;
                case Phase.InHead:
                    if (StartInHead(tag))
                    {
                        return;
                    }

                    Advance();
                    continue;
                case Phase.InHeadNoscript:
                    if (tag.Name is "html")
                    {
                        html!.AddMissingAttributes(tag.Attributes);
                        return;
                    }

                    if (tag.Name is "basefont" or "bgsound" or "link" or "meta" or "noframes" or "style")
                    {
                        StartInHead(tag);
                        return;
                    }

                    if (tag.Name is "head" or "noscript")
                    {
                        return;
                    }

                    Advance();
                    continue;
                case Phase.AfterHead:
                    if (StartAfterHead(tag))
                    {
                        return;
                    }

                    Advance();
                    continue;
                default:
                    StartInBodyPhase(tag);
                    return;
            }
        }
    }

    /// <summary>The "in head" rules; false where the tag is not head content (the head then closes).</summary>
    private bool StartInHead(StartTag tag)
    {
        switch (tag.Name)
        {
            case "html":
                html!.AddMissingAttributes(tag.Attributes);
                return true;
            case "base" or "basefont" or "bgsound" or "link" or "meta":
                InsertVoid(tag);
                return true;
            case "title":
                InsertRaw(tag, HtmlTextModel.RcData);
                return true;
            case "noscript":
                Insert(tag);
                phase = Phase.InHeadNoscript;
                return true;
            case "noframes" or "style":
                InsertRaw(tag, HtmlTextModel.RawText);
                return true;
            case "script":
                InsertRaw(tag, HtmlTextModel.ScriptData);
                return true;
            case "template":
                InsertTemplate(tag);
                return true;
            case "head":
                return true;
            default:
                return false;
        }
    }

    private bool StartAfterHead(StartTag tag)
    {
        switch (tag.Name)
        {
            case "html":
                html!.AddMissingAttributes(tag.Attributes);
                return true;
            case "body":
                body = new HtmlElement("body", HtmlNamespace.Html, tag.Attributes);
                html!.Append(body);
                open.Add(body);
                phase = Phase.InBody;
                return true;
            case "head":
                return true;
            default:
                if (!HtmlTagSets.HeadContent.Contains(tag.Name) || head is null)
                {
                    return false;
                }

                // Head content after </head> still goes into the head.
                open.Add(head);
                StartInHead(tag);
                open.Remove(head);
                return true;
        }
    }

    private void OnEnd(string name)
    {
        if (phase != Phase.InBody && HasOpen("template"))
        {
            EndInBodyPhase(name);
            return;
        }

        while (true)
        {
            switch (phase)
            {
                case Phase.BeforeHtml:
                case Phase.BeforeHead:
                    if (name is "head" or "body" or "html" or "br")
                    {
                        Advance();
                        continue;
                    }

                    return;
                case Phase.InHead:
                    if (name == "head")
                    {
                        Advance();
                        return;
                    }

                    if (name == "template")
                    {
                        EndTemplate();
                        return;
                    }

                    if (name is "body" or "html" or "br")
                    {
                        Advance();
                        continue;
                    }

                    return;
                case Phase.InHeadNoscript:
                    if (name == "noscript")
                    {
                        Advance();
                        return;
                    }

                    if (name == "br")
                    {
                        Advance();
                        continue;
                    }

                    return;
                case Phase.AfterHead:
                    if (name == "template")
                    {
                        EndTemplate();
                        return;
                    }

                    if (name is "body" or "html" or "br")
                    {
                        Advance();
                        continue;
                    }

                    return;
                default:
                    EndInBodyPhase(name);
                    return;
            }
        }
    }

    private HtmlElement Insert(StartTag tag, HtmlNamespace ns = HtmlNamespace.Html, bool evenIfDeep = false)
    {
        var element = new HtmlElement(tag.Name, ns, tag.Attributes);
        InsertNode(element);
        Push(element, evenIfDeep);
        return element;
    }

    private void InsertVoid(StartTag tag)
    {
        var element = new HtmlElement(tag.Name, HtmlNamespace.Html, tag.Attributes);
        InsertNode(element);
    }

    private void InsertRaw(StartTag tag, HtmlTextModel model)
    {
        // A raw-text element holds only text, so it may go one past the depth limit: its end tag must find it.
        Insert(tag, evenIfDeep: true);
        tokenizer.Switch(model, tag.Name);
        inRawText = model != HtmlTextModel.PlainText;
    }

    private void InsertTemplate(StartTag tag)
    {
        var template = Insert(tag);
        template.Content = new HtmlElement("#document-fragment", HtmlNamespace.Html, []);
        PushMarker();
    }

    private void EndTemplate()
    {
        if (open.FindLastIndex(e => e.LocalName == "template") >= 0)
        {
            PopUntil("template");
            ClearFormattingToMarker();
        }
    }

    /// <summary>Puts a node where the next node goes: in the current node, or before a table when foster parenting.</summary>
    private void InsertNode(HtmlNode node)
    {
        var current = Current;
        if (fosterParenting && current.LocalName is "table" or "tbody" or "tfoot" or "thead" or "tr")
        {
            FosterInsert(node);
            return;
        }

        current.Append(node);
    }

    private void FosterInsert(HtmlNode node)
    {
        var tableIndex = open.FindLastIndex(e => e.LocalName == "table");
        var templateIndex = open.FindLastIndex(e => e.LocalName == "template");
        if (templateIndex > tableIndex || tableIndex < 0)
        {
            open[Math.Max(templateIndex, 0)].Append(node);
            return;
        }

        var table = open[tableIndex];
        if (table.ParentElement is { } parent)
        {
            parent.InsertBefore(node, table);
        }
        else
        {
            open[tableIndex - 1].Append(node);
        }
    }

    private void InsertText(ReadOnlyMemory<char> text)
    {
        var current = Current;
        if (fosterParenting && current.LocalName is "table" or "tbody" or "tfoot" or "thead" or "tr")
        {
            FosterInsert(new HtmlTextNode(text));
            return;
        }

        current.AppendText(text);
    }

    private void Push(HtmlElement element, bool evenIfDeep = false)
    {
        if (open.Count >= MaxDepth && !evenIfDeep)
        {
            // Deeper nesting (hostile or broken markup) goes in flat, as browsers' parsers do past a depth limit:
            // every walk over the tree stays shallow.
            return;
        }

        open.Add(element);
        Count(element, 1);
    }

    private void Count(HtmlElement element, int delta)
    {
        if (element.Namespace != HtmlNamespace.Html)
        {
            return;
        }

        if (element.LocalName == "p")
        {
            openParagraphs += delta;
        }
        else if (HtmlTagSets.ModeElements.Contains(element.LocalName))
        {
            modeElements += delta;
        }
    }

    private HtmlElement Pop()
    {
        var element = open[^1];
        open.RemoveAt(open.Count - 1);
        Count(element, -1);
        return element;
    }

    private void RemoveFromStack(int index)
    {
        var element = open[index];
        open.RemoveAt(index);
        Count(element, -1);
    }

    /// <summary>Pops elements up to and including the topmost HTML element named <paramref name="name"/>.</summary>
    private void PopUntil(string name)
    {
        while (open.Count > 1)
        {
            var element = Pop();
            if (element.LocalName == name && element.Namespace == HtmlNamespace.Html)
            {
                return;
            }
        }
    }

    private void PopUntilAny(Func<HtmlElement, bool> match)
    {
        while (open.Count > 1)
        {
            if (match(Pop()))
            {
                return;
            }
        }
    }

    /// <summary>The standard's "has an element in scope", for the default, list-item, button, table and select scopes.</summary>
    private bool InScope(string name, Scope scope = Scope.Default) =>
        InScope(static (e, n) => e.Namespace == HtmlNamespace.Html && e.LocalName == n, name, scope);

    /// <summary>Whether an HTML element whose name <paramref name="names"/> accepts is in scope.</summary>
    private bool InScope(Func<string, bool> names, Scope scope = Scope.Default) =>
        InScope(static (e, accepts) => e.Namespace == HtmlNamespace.Html && accepts(e.LocalName), names, scope);

    /// <summary>Whether this very element is in (default) scope.</summary>
    private bool InScope(HtmlElement target) => InScope(static (e, t) => e == t, target, Scope.Default);

    /// <summary>Walks the open elements from the current one: true at the first that matches, false at a boundary.</summary>
    private bool InScope<T>(Func<HtmlElement, T, bool> match, T state, Scope scope)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            var element = open[i];
            if (match(element, state))
            {
                return true;
            }

            if (IsBoundary(element, scope))
            {
                return false;
            }
        }

        return false;
    }

    private enum Scope
    {
        Default,
        ListItem,
        Button,
        Table,
        Select,
    }

    private static bool IsBoundary(HtmlElement element, Scope scope)
    {
        var name = element.LocalName;
        if (element.Namespace != HtmlNamespace.Html)
        {
            return scope is not (Scope.Table or Scope.Select) && IsIntegrationPoint(element);
        }

        return scope switch
        {
            Scope.Table => name is "html" or "table" or "template",
            Scope.Select => name is not ("optgroup" or "option"),
            Scope.ListItem => HtmlTagSets.ScopeBoundaries.Contains(name) || name is "ol" or "ul",
            Scope.Button => HtmlTagSets.ScopeBoundaries.Contains(name) || name == "button",
            _ => HtmlTagSets.ScopeBoundaries.Contains(name),
        };
    }

    private void ClosePInButtonScope()
    {
        if (openParagraphs > 0 && InScope("p", Scope.Button))
        {
            PopUntil("p");
        }
    }
}
