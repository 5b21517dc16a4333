"""English function words: they carry little meaning in a question.

Inverse document frequency already weighs words by how informative they are in this knowledge
base; this list only decides the weight of such words when the knowledge base has never seen
them, and whether a message contains any English at all. Question words that tell what kind
of answer is wanted (who, when, where, why) are not on it: they are informative here. Nor are
the words of time ("after", "before", "during", "until"): "what happened after the report was
published" asks for what followed it, not for the launch (docs/evaluation.md).
"""

STOP_WORDS = frozenset(
    """
    a about above again against all also am an and any are aren as at be because been
    being below between both but by can cannot could couldn did didn do does doesn doing
    don down each either else ever every few for from further get gets got had hadn has
    hasn have haven having he her here hers herself him himself his how however i if in into is
    isn it its itself just know let like ll m many may me might more most much must mustn my
    myself need no nor not now of off often on once only or other ought our ours ourselves out
    over own please re really s same say shall shan she should shouldn so some such t tell than
    thank thanks that the their theirs them themselves then there these they this those through
    thus to too under up upon us ve very want was wasn we well were weren what whats
    whether which while will with within without won would wouldn yes yet you your yours
    yourself yourselves
    """.split()
)


# Function words of other languages people may write in with Latin letters (German, French,
# Spanish, Italian, Portuguese, Dutch, Indonesian and Malay, Tagalog), none of them an English
# word: a message with more of these than English ones is not English, even if it shares a word
# like "was" or a name with the knowledge base.
OTHER_LANGUAGE_WORDS = frozenset(
    """
    und ist nicht der das ein eine ich wie warum wer mit sind wird werden
    les est et une des avec pour dans qui que quoi pourquoi comment sont du au aux ce cette
    je nous vous pas la le
    el los las del por para una es y como son esta hay pero
    il della di che alle gli nel delle degli cosa
    os uma nao sao dos das em com
    het een niet wat hoe waarom zijn
    yang dan adalah dengan tidak ini itu apa siapa untuk dari ke bagaimana mengapa kenapa
    ang mga ng sa ay hindi bakit paano
    """.split()
)
