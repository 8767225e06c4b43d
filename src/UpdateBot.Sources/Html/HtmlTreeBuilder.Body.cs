namespace UpdateBot.Sources.Html;

/// <summary>The "in body" rules.</summary>
internal sealed partial class HtmlTreeBuilder
{
    private void TextInBody(string text)
    {
        if (IsForeignContext())
        {
            InsertText(text);
            return;
        }

        if (modeElements == 0)
        {
            Reconstruct();
            InsertText(text);
            return;
        }

        switch (Mode())
        {
            case "table" or "tbody" or "thead" or "tfoot" or "tr":
                // Text in a table outside its cells is moved before the table, unless it is only whitespace.
                if (HtmlTagSets.LeadingWhitespace(text) == text.Length)
                {
                    InsertText(text);
                }
                else
                {
                    fosterParenting = true;
                    Reconstruct();
                    InsertText(text);
                    fosterParenting = false;
                }

                return;
            case "colgroup":
            {
                var space = HtmlTagSets.LeadingWhitespace(text);
                Current.AppendText(text[..space]);
                if (space < text.Length)
                {
                    Pop();
                    TextInBody(text[space..]);
                }

                return;
            }

            default:
                Reconstruct();
                InsertText(text);
                return;
        }
    }

    private void StartInBodyPhase(StartTag tag)
    {
        if (IsForeignContext())
        {
            if (StartInForeign(tag))
            {
                return;
            }
        }

        if (modeElements > 0 && StartInTableOrSelect(tag))
        {
            return;
        }

        StartInBody(tag);
    }

    private void EndInBodyPhase(string name)
    {
        if (IsForeignContext() && EndInForeign(name))
        {
            return;
        }

        if (modeElements > 0 && EndInTableOrSelect(name))
        {
            return;
        }

        EndInBody(name);
    }

    private void StartInBody(StartTag tag)
    {
        var name = tag.Name;
        if (HtmlTagSets.ClosesParagraph.Contains(name))
        {
            ClosePInButtonScope();
            Insert(tag);
            return;
        }

        if (HtmlTagSets.Headings.Contains(name))
        {
            ClosePInButtonScope();
            if (HtmlTagSets.Headings.Contains(Current.LocalName))
            {
                Pop();
            }

            Insert(tag);
            return;
        }

        switch (name)
        {
            case "html":
                html!.AddMissingAttributes(tag.Attributes);
                return;
            case "base" or "basefont" or "bgsound" or "link" or "meta":
                InsertVoid(tag);
                return;
            case "title":
                InsertRaw(tag, HtmlTextModel.RcData);
                return;
            case "noframes" or "style":
                InsertRaw(tag, HtmlTextModel.RawText);
                return;
            case "script":
                InsertRaw(tag, HtmlTextModel.ScriptData);
                return;
            case "template":
                InsertTemplate(tag);
                return;
            case "body":
                body?.AddMissingAttributes(tag.Attributes);
                return;
            case "frameset" or "head":
                return;
            case "pre" or "listing":
                ClosePInButtonScope();
                Insert(tag);
                skipNewline = true;
                return;
            case "form":
                if (form is not null && !HasOpen("template"))
                {
                    return;
                }

                ClosePInButtonScope();
                var element = Insert(tag);
                if (!HasOpen("template"))
                {
                    form = element;
                }

                return;
            case "li":
                CloseListItem(static n => n == "li");
                ClosePInButtonScope();
                Insert(tag);
                return;
            case "dd" or "dt":
                CloseListItem(static n => n is "dd" or "dt");
                ClosePInButtonScope();
                Insert(tag);
                return;
            case "plaintext":
                ClosePInButtonScope();
                Insert(tag);
                tokenizer.Switch(HtmlTextModel.PlainText, "plaintext");
                return;
            case "button":
                if (InScope("button"))
                {
                    PopUntil("button");
                }

                Insert(tag);
                return;
            case "a":
                if (LastFormatting("a") is var previous and >= 0)
                {
                    var link = formatting[previous].Element!;
                    AdoptionAgency("a");
                    if (FormattingIndex(link) is var left and >= 0)
                    {
                        formatting.RemoveAt(left);
                    }

                    if (open.LastIndexOf(link) is var stillOpen and >= 0)
                    {
                        RemoveFromStack(stillOpen);
                    }
                }

                InsertFormatting(tag);
                return;
            case "b" or "big" or "code" or "em" or "font" or "i" or "s" or "small" or "strike" or "strong" or "tt" or "u":
                InsertFormatting(tag);
                return;
            case "nobr":
                Reconstruct();
                if (InScope("nobr"))
                {
                    AdoptionAgency("nobr");
                }

                InsertFormatting(tag);
                return;
            case "applet" or "marquee" or "object":
                Reconstruct();
                Insert(tag);
                PushMarker();
                return;
            case "table":
                if (!quirks)
                {
                    ClosePInButtonScope();
                }

                Insert(tag);
                return;
            case "area" or "br" or "embed" or "img" or "keygen" or "wbr" or "input":
                Reconstruct();
                InsertVoid(tag);
                return;
            case "param" or "source" or "track":
                InsertVoid(tag);
                return;
            case "image":
                Reconstruct();
                InsertVoid(tag with { Name = "img" });
                return;
            case "hr":
                ClosePInButtonScope();
                InsertVoid(tag);
                return;
            case "textarea":
                InsertRaw(tag, HtmlTextModel.RcData);
                skipNewline = true;
                return;
            case "xmp":
                ClosePInButtonScope();
                Reconstruct();
                InsertRaw(tag, HtmlTextModel.RawText);
                return;
            case "iframe" or "noembed":
                InsertRaw(tag, HtmlTextModel.RawText);
                return;
            case "optgroup" or "option":
                if (Current.LocalName == "option")
                {
                    Pop();
                }

                Reconstruct();
                Insert(tag);
                return;
            case "select":
                Reconstruct();
                Insert(tag);
                return;
            case "rb" or "rtc" or "rp" or "rt":
                Insert(tag);
                return;
            case "math":
                Reconstruct();
                InsertForeign(tag, HtmlNamespace.MathMl);
                return;
            case "svg":
                Reconstruct();
                InsertForeign(tag, HtmlNamespace.Svg);
                return;
            case "caption" or "col" or "colgroup" or "frame" or "tbody" or "td" or "tfoot" or "th" or "thead" or "tr":
                // Table parts outside a table are ignored; their content stays.
                return;
            default:
                Reconstruct();
                Insert(tag);
                return;
        }
    }

    /// <summary>Before a new li (or dd/dt): closes an open one, unless a block other than address, div or p is in between.</summary>
    private void CloseListItem(Func<string, bool> isItem)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            var node = open[i];
            if (node.Namespace == HtmlNamespace.Html && isItem(node.LocalName))
            {
                PopUntil(node.LocalName);
                return;
            }

            if (IsSpecial(node) && node.LocalName is not ("address" or "div" or "p"))
            {
                return;
            }
        }
    }

    private void EndInBody(string name)
    {
        if (HtmlTagSets.BlockEnds.Contains(name))
        {
            if (InScope(name))
            {
                PopUntil(name);
            }

            return;
        }

        if (HtmlTagSets.Headings.Contains(name))
        {
            if (InScope(static n => HtmlTagSets.Headings.Contains(n)))
            {
                PopUntilAny(static e => e.Namespace == HtmlNamespace.Html && HtmlTagSets.Headings.Contains(e.LocalName));
            }

            return;
        }

        if (HtmlTagSets.Formatting.Contains(name))
        {
            AdoptionAgency(name);
            return;
        }

        switch (name)
        {
            case "body" or "html":
                // Content after </body> still goes where the open elements say, as in a browser.
                return;
            case "template":
                EndTemplate();
                return;
            case "form":
                EndForm();
                return;
            case "p":
                if (!InScope("p", Scope.Button))
                {
                    Insert(new StartTag("p", [], false));
                }

                PopUntil("p");
                return;
            case "li":
                if (InScope("li", Scope.ListItem))
                {
                    PopUntil("li");
                }

                return;
            case "dd" or "dt":
                if (InScope(name))
                {
                    PopUntil(name);
                }

                return;
            case "applet" or "marquee" or "object":
                if (InScope(name))
                {
                    PopUntil(name);
                    ClearFormattingToMarker();
                }

                return;
            case "br":
                Reconstruct();
                InsertVoid(new StartTag("br", [], false));
                return;
            default:
                EndOther(name);
                return;
        }
    }

    private void EndForm()
    {
        if (HasOpen("template"))
        {
            if (InScope("form"))
            {
                PopUntil("form");
            }

            return;
        }

        var node = form;
        form = null;
        if (node is null || !InScope("form"))
        {
            return;
        }

        // Implied end tags close a paragraph or list item left open; anything else opened inside the form stays open.
        while (Current.Namespace == HtmlNamespace.Html && Current.LocalName is "dd" or "dt" or "li" or "optgroup" or "option" or "p" or "rb" or "rp" or "rt" or "rtc")
        {
            Pop();
        }

        RemoveFromStack(open.LastIndexOf(node));
    }

    /// <summary>The standard's "any other end tag": close the nearest element of that name, unless a special element is in the way.</summary>
    private void EndOther(string name)
    {
        for (var i = open.Count - 1; i > 0; i--)
        {
            var node = open[i];
            if (node.LocalName == name && node.Namespace == HtmlNamespace.Html)
            {
                while (open.Count > i)
                {
                    Pop();
                }

                return;
            }

            if (IsSpecial(node))
            {
                return;
            }
        }
    }

    private static bool IsSpecial(HtmlElement element) =>
        element.Namespace == HtmlNamespace.Html ? HtmlTagSets.Special.Contains(element.LocalName) : IsIntegrationPoint(element);

    private bool HasOpen(string name)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (open[i].LocalName == name && open[i].Namespace == HtmlNamespace.Html)
            {
                return true;
            }
        }

        return false;
    }
}
