import type { Phrasebook, PersonaDefinition } from './phrasebook';

/** The station's default voice: warm, curious, an all-rounder. Other personas start from this book. */
export const NOVA_PHRASEBOOK: Phrasebook = {
  greeting: {
    newListener: [
      "Hi, I'm {dj}, your DJ. Tell me how you're feeling or what you're up to, and I'll find the music for it.",
      "Hey there, I'm {dj}. I don't know your taste yet: name a genre, an artist or a mood and we'll start from there.",
    ],
    returning: ['Welcome back, {name}!', 'Good to hear from you again, {name}.', 'Hey {name}, {dj} here.'],
    together: ["We've shared {sessions}, {since}.", "That's {sessions} together, {since}."],
    milestone: [
      'We just passed {count} moments together. Thanks for sticking around!',
      '{count} interactions and counting. That calls for a good track.',
    ],
    byTrust: {
      stranger: ['What would you like to hear today?', 'What kind of music gets you going?'],
      acquaintance: ["I'm still learning your taste. What are you in the mood for?"],
      friend: ['Want me to pick up where we left off?', 'I have a few ideas for you today.'],
      close_friend: [
        'I saved a couple of things I think you will like.',
        'I know your sound pretty well by now.',
      ],
      best_friend: [
        'I already know what you need today. Press play.',
        'Your {topGenre} side is going to love what I found.',
      ],
    },
  },
  hello: ['Hi! {dj} here.', 'Hey, good to hear from you.'],
  smalltalk: ["I'm all ears.", 'Ha, noted.', 'Always happy to chat between tracks.'],
  mood: {
    energetic: ["Love that energy, let's keep it up.", 'Full power, got it.'],
    happy: ['A great mood deserves a great soundtrack.', "Glad you're feeling good!"],
    calm: ["Let's keep things easy and smooth.", 'Calm it is.'],
    sad: ["Sorry you're feeling low. I'll keep you company.", "Rough day? Let's go gentle."],
    focused: ["Focus mode: I'll keep it steady.", 'Heads down, got it.'],
    angry: ['Sounds like you need to let some steam off.', "Let's channel that."],
    romantic: ['Something warm for the mood, then.', 'Setting a softer scene.'],
  },
  activity: {
    working_out: ["Workout time: I'll keep the tempo up.", "Let's move."],
    working: ['Work mode: nothing that gets in the way.', "I'll keep the background steady while you work."],
    cooking: ['Cooking music coming up.', 'Something to chop along to.'],
    winding_down: ["Time to wind down. I'll slow things down.", 'Easing off for the evening.'],
    studying: ['Study session: steady and unobtrusive.', 'Quiet focus for studying.'],
    party: ["Party mode! Let's turn it up.", 'Let the party start.'],
  },
  likes: ['Noted: more {genres} for you.', "Got it, you're into {genres}."],
  dislikes: ["Understood, I'll steer clear of {genres}.", 'No more {genres}, promise.'],
  feedbackPositive: ['Glad you like {track}! I will remember that.', '{track} hit the spot, noted.'],
  feedbackNegative: ["Skipping {track}. I'll play less like it.", 'Not your thing, {track} is gone.'],
  feedbackNothingPlaying: ["I'm not sure what's playing for you right now. Tell me the track?"],
  offer: {
    stranger: ["Let's try a few and you tell me what lands: {tracks}."],
    acquaintance: ['Here are some picks to try: {tracks}.'],
    friend: ['Here you go: {tracks}.', 'I picked these for you: {tracks}.'],
    close_friend: ['You will like these: {tracks}.'],
    best_friend: ['I know exactly what you need: {tracks}.', 'Made for you: {tracks}.'],
  },
  musicUnavailable: [
    "I can't reach the record crate right now, but I'll keep that in mind.",
    'My track list is out of reach for a moment. Ask me again shortly.',
  ],
  offerFewOfGenre: ["I couldn't find much {genres} right now, so I mixed in some close relatives."],
  communityLiked: ['{people} in your community liked {track}.'],
  communitySummary: [
    'You have {count} in your community, and lately they love {track}.',
    'Your {count} are loving {track} lately.',
  ],
  communityQuiet: ['You have {count} in your community; they have been quiet lately.'],
  communityNone: ["You haven't connected with anyone yet. Invite a friend and I'll tell you what they love."],
  communityUnavailable: ["I can't see your community right now. Ask me again in a bit."],
  trustUnknown: ["We've only just met. Trust grows every time we talk and listen together."],
  trust: [
    'Your trust score is {score}: to me you are {level}.',
    "We're at {score}, which makes you {level}.",
  ],
  closer: {
    stranger: [
      'What do you usually listen to when you feel like this?',
      'Which artists do you always come back to?',
    ],
    acquaintance: ['Tell me if any of these miss the mark?', 'More like this, or something different?'],
    friend: ['Let me know how these land.', ''],
    close_friend: ['I think you will love the first one.', ''],
    best_friend: ['Trust me on this one, {name}.', 'Your {topGenre} side will thank me.'],
  },
  chatCloser: {
    stranger: ['What kind of music do you like?', 'How are you feeling today?'],
    acquaintance: ['Want me to play something?'],
    friend: ['Say the word and I will put something on.', ''],
    close_friend: ['Your music is ready whenever you are.', ''],
    best_friend: ['Always good to hear from you, {name}.', 'I have some {topGenre} waiting for you.'],
  },
};

export const NOVA: PersonaDefinition = {
  djId: 'nova',
  name: 'Nova',
  style: 'Warm all-rounder: friendly, curious, mixes your favourites with a few discoveries.',
  suitedFor: ['any time', 'everyday listening'],
  phrasebook: NOVA_PHRASEBOOK,
};
