"""What the shipped model says about itself in model_index.json: a description, example prompts and its
closed vocabulary (the edge's /v1/models and vocabulary gate read them). The role lists are the words
the model was trained on; `check_vocabulary` holds them to shapeworld.vocab and to the tokenizer."""
from shapeworld import vocab

DESCRIPTION = (
    'The embedded shape-world model: one or two flat-coloured balls, squares and triangles that move between named places, stay put or stand above, below or beside each other; 64x64, 16 frames at 8 fps. It draws only the words it was trained on.'
)

# Suite prompts that pass on all three seeds (artifacts/eval-report).
EXAMPLES = [   'A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains '
    'stationary on the right.',
    'A red ball moves from the left to the right.',
    'A blue triangle falls from the top to the bottom.',
    'A white dot stays in the center.',
    'A red ball is above a blue square.',
    'A green triangle falls while a red ball rises.']

VOCABULARY = {'grammar': 'shape-world',
 'closed': True,
 'max_objects': 2,
 'max_tokens': 32,
 'roles': {'shapes': ['ball', 'circle', 'sphere', 'dot', 'square', 'box', 'cube', 'block', 'triangle'],
           'colors': ['red', 'green', 'blue', 'yellow', 'purple', 'orange', 'white'],
           'places': ['left',
                      'right',
                      'center',
                      'centre',
                      'middle',
                      'top',
                      'bottom',
                      'top-left',
                      'top-right',
                      'bottom-left',
                      'bottom-right',
                      'left edge',
                      'right edge',
                      'top edge',
                      'bottom edge'],
           'verbs': ['moves',
                     'rolls',
                     'slides',
                     'glides',
                     'travels',
                     'drifts',
                     'falls',
                     'rises',
                     'stays',
                     'remains',
                     'sits',
                     'sits still',
                     'stays still',
                     'is stationary',
                     'remains stationary'],
           'relations': ['above', 'below', 'to the left of', 'to the right of'],
           'counts': [],
           'formations': []},
 'count_values': {},
 'synonyms': {'pink': ['red'],
              'crimson': ['red'],
              'maroon': ['red'],
              'scarlet': ['red'],
              'violet': ['purple'],
              'indigo': ['purple'],
              'magenta': ['purple'],
              'lilac': ['purple'],
              'gold': ['yellow'],
              'golden': ['yellow'],
              'lime': ['green'],
              'teal': ['green'],
              'cyan': ['blue'],
              'turquoise': ['blue'],
              'navy': ['blue'],
              'black': ['white'],
              'gray': ['white'],
              'grey': ['white'],
              'silver': ['white'],
              'brown': ['orange'],
              'beige': ['orange'],
              'rectangle': ['square'],
              'diamond': ['square'],
              'cylinder': ['square'],
              'oval': ['ball'],
              'ring': ['ball'],
              'ellipse': ['ball'],
              'pyramid': ['triangle'],
              'cone': ['triangle'],
              'jumps': ['moves'],
              'bounces': ['moves'],
              'goes': ['moves'],
              'runs': ['moves'],
              'flies': ['glides'],
              'floats': ['drifts'],
              'drops': ['falls'],
              'sinks': ['falls'],
              'descends': ['falls'],
              'climbs': ['rises'],
              'ascends': ['rises'],
              'waits': ['stays'],
              'rests': ['stays'],
              'stands': ['stays'],
              'over': ['above'],
              'under': ['below'],
              'beneath': ['below'],
              'underneath': ['below'],
              'beside': ['to the left of', 'to the right of'],
              'next': ['to the left of', 'to the right of'],
              'upper': ['top'],
              'lower': ['bottom'],
              '!': ['.'],
              '?': ['.'],
              ';': [','],
              ':': [',']},
 'function_words': ['a',
                    'an',
                    'the',
                    'from',
                    'to',
                    'at',
                    'in',
                    'on',
                    'of',
                    'near',
                    'and',
                    'while',
                    'as',
                    'is',
                    'up',
                    'down',
                    'side',
                    'corner',
                    'screen',
                    ',',
                    '-',
                    '.']}


def check_vocabulary(tokenizer_words):
    """The roles are vocab.py's words, and roles + function words are exactly the tokenizer's words."""
    roles = VOCABULARY["roles"]
    shapes = [w for words in vocab.SHAPE_SYNONYMS.values() for w in words]
    assert roles["shapes"] == shapes, roles["shapes"]
    assert roles["colors"] == vocab.COLOR_NAMES, roles["colors"]
    assert set(roles["places"]) == set(vocab.PLACES) | {"centre", "middle"}, roles["places"]
    assert set(roles["relations"]) == set(vocab.RELATIONS), roles["relations"]
    verbs = set(vocab.MOTION_VERBS) | {"falls", "rises", "sits"} | set(vocab.STATIONARY_VERBS)
    assert set(roles["verbs"]) == verbs, roles["verbs"]
    tokens = set()
    for group in list(roles.values()) + [VOCABULARY["function_words"]]:
        for phrase in group:
            tokens.update(phrase.replace("-", " - ").split())
    words = set(tokenizer_words) - {"<pad>", "<unk>"}
    assert tokens == words, (sorted(tokens - words), sorted(words - tokens))
